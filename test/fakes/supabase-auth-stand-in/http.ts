import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type Request = {
  body: Record<string, unknown>;
  query: URLSearchParams;
  bearer: string | null;
};
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
export type Route = (request: Request) => Promise<Reply>;

/** A GoTrue error: HTTP status, error code (as in auth-js's error-codes) and message. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Supabase's API gateway, not GoTrue, refuses a missing or wrong key, in its own shape.
function apikeyRefusal(apikey: string | string[] | undefined): Reply {
  return {
    status: 401,
    body: apikey
      ? {
          message: 'Invalid API key',
          hint: 'Double check your Supabase `anon` or `service_role` API key.',
        }
      : {
          message: 'No API key found in request',
          hint: 'No `apikey` request header or url param was found.',
        },
  };
}

// auth-js always sends X-Supabase-Api-Version: 2024-01-01; GoTrue then answers errors
// as { code, message } and echoes the header (which is how auth-js knows `code` is
// the error code). Callers without the header get { code: status, error_code, msg }.
function errorReply(request: IncomingMessage, error: unknown): Reply {
  const failure =
    error instanceof AuthError
      ? error
      : new AuthError(500, 'unexpected_failure', `Stand-in failure: ${String(error)}`);
  const version = request.headers['x-supabase-api-version'];
  if (
    typeof version === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(version) &&
    version >= '2024-01-01'
  ) {
    return {
      status: failure.status,
      headers: { 'x-supabase-api-version': '2024-01-01' },
      body: { code: failure.code, message: failure.message, ...failure.extra },
    };
  }
  return {
    status: failure.status,
    body: {
      code: failure.status,
      error_code: failure.code,
      msg: failure.message,
      ...failure.extra,
    },
  };
}

async function readJson(request: IncomingMessage) {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    const body: unknown = text ? JSON.parse(text) : {};
    return isRecord(body) ? body : {};
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
  }
}

function send(response: ServerResponse, reply: Reply) {
  const hasBody = reply.body !== undefined;
  response.writeHead(reply.status, {
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  });
  response.end(hasBody ? JSON.stringify(reply.body) : undefined);
}

/**
 * Serves `routes` ("METHOD /path" under /auth/v1) on 127.0.0.1 behind the apikey
 * check; `publicRoutes` answer without a key.
 */
export async function listen(options: {
  publishableKey: string;
  routes: Record<string, Route>;
  publicRoutes: Record<string, (query: URLSearchParams) => Reply | Promise<Reply>>;
}) {
  async function respond(request: IncomingMessage): Promise<Reply> {
    const requestUrl = new URL(request.url ?? '/', 'http://stand-in');
    const key = `${request.method} ${requestUrl.pathname.replace(/^\/auth\/v1/, '')}`;
    const publicRoute = options.publicRoutes[key];
    if (publicRoute) return publicRoute(requestUrl.searchParams);
    if (request.headers.apikey !== options.publishableKey) {
      return apikeyRefusal(request.headers.apikey);
    }
    const route = options.routes[key];
    if (!route) throw new AuthError(404, 'not_found', 'Not Found');
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    return route({ body: await readJson(request), query: requestUrl.searchParams, bearer });
  }

  const server = createServer((request, response) => {
    respond(request).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, errorReply(request, error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() would wait them out.
        server.closeAllConnections();
      }),
  };
}
