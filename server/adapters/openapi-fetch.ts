import { TRPCError, type AnyTRPCRouter } from '@trpc/server';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';

/** What one request brings to the shared handler: its context and its error sink. */
export type OpenApiCall<TContext> = {
  createContext: () => Promise<TContext>;
  onError: (error: TRPCError) => void;
};

/**
 * The library's answer: its status, and on success the procedure's output as it
 * returned it (taken before the library turns it into JSON, so it is not parsed
 * back), or nothing when no procedure matched.
 */
export type OpenApiAnswer = { status: number; output?: { value: unknown } };

type CallState<TContext> = OpenApiCall<TContext> & { output?: { value: unknown } };

type ParsedBody = { ok: true; data: unknown } | { ok: false; cause: unknown };

/** A JSON or form body, read ahead, as the library's handler expects to find it. */
async function parsedBody(request: Request): Promise<ParsedBody> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      // No body at all is no input (a POST that needs none), not malformed JSON.
      const text = await request.text();
      return { ok: true, data: text === '' ? undefined : JSON.parse(text) };
    }
    if (type.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(await request.text());
      const fields = [...new Set(form.keys())].map((key) => [key, form.getAll(key)]);
      return { ok: true, data: Object.fromEntries(fields) };
    }
    return { ok: true, data: request.body };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/** The request as the library reads it: `url` below the endpoint, `body` parsed. */
function libraryRequest(request: Request, endpoint: string, body: ParsedBody) {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(endpoint.length) || '/';
  // A proxy, because the library checks `instanceof Request`.
  return new Proxy(request, {
    get(target, property) {
      if (property === 'url') return url.toString();
      if (property === 'body') {
        if (body.ok) return body.data;
        throw new TRPCError({
          code: 'PARSE_ERROR',
          message: 'Failed to parse request body',
          cause: body.cause,
        });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * REST routing of tRPC procedures by their OpenAPI meta (trpc-to-openapi). The
 * library's own fetch adapter builds its table of every route's path pattern again
 * on each request; this builds the handler once and gives each request its context
 * and error sink through the request object the handler passes back to them.
 */
export function openApiFetchHandler<TContext>(options: {
  router: AnyTRPCRouter;
  endpoint: string;
  /** The success status, once the procedure has run (e.g. 201, or 503 from health). */
  successStatus: (context: TContext) => number;
}) {
  const calls = new WeakMap<object, CallState<TContext>>();
  const callOf = (req: object) => calls.get(req)!;
  // The success path's responseMeta sees the context, not the request.
  const callOfContext = new WeakMap<object, CallState<TContext>>();
  const handle = createOpenApiNodeHttpHandler<AnyTRPCRouter, never, never>({
    router: options.router,
    createContext: ({ req }: { req: object }) => callOf(req).createContext(),
    responseMeta: ({
      ctx,
      data,
      errors,
    }: {
      ctx?: TContext;
      data: unknown[];
      errors: unknown[];
    }) => {
      if (!ctx || errors.length > 0) return {};
      callOfContext.get(ctx as object)!.output = { value: data[0] };
      return { status: options.successStatus(ctx) };
    },
    onError: ({ error, req }: { error: TRPCError; req: object }) => callOf(req).onError(error),
  } as never);

  return async (request: Request, call: OpenApiCall<TContext>): Promise<OpenApiAnswer> => {
    const req = libraryRequest(request, options.endpoint, await parsedBody(request));
    const state: CallState<TContext> = {
      ...call,
      createContext: async () => {
        const context = await call.createContext();
        callOfContext.set(context as object, state);
        return context;
      },
    };
    calls.set(req, state);
    return new Promise<OpenApiAnswer>((resolve, reject) => {
      let status = 200;
      const res = {
        // Headers of the library's own: only its JSON content type, which ours repeats.
        setHeader() {},
        get statusCode() {
          return status;
        },
        set statusCode(code: number) {
          status = code;
        },
        end() {
          resolve({ status, output: state.output });
        },
      };
      handle(req as never, res as never).catch(reject);
    });
  };
}
