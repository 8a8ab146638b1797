import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

import type Redis from 'ioredis';

/**
 * A local stand-in for Upstash's REST API, in front of a real Redis: enough of the
 * protocol (single commands, /pipeline, /multi-exec, bearer token, base64 response
 * encoding) for the real @upstash/redis SDK to run the app's rate limits and cache.
 */
function encode(value: unknown): unknown {
  if (typeof value === 'string')
    return value === 'OK' ? value : Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body);
}

// @upstash/ratelimit's scripts (fixedWindow's too) begin with
// `#!lua flags=allow-key-locking`, which Upstash accepts and Redis 7.0 rejects. The
// stand-in, like Upstash, runs them: without that line, as plain EVAL scripts, which
// Redis runs atomically all the same.
const SHEBANG = /^#!lua[^\n]*\n/;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export async function startUpstashStandIn(redis: Redis, token: string) {
  // Scripts by the SHA1 of the text the client sent, so EVALSHA works after an EVAL.
  const scripts = new Map<string, string>();
  const script = (command: string, args: string[]) => {
    const [scriptOrSha, keyCount, ...rest] = args;
    if (command === 'EVAL') scripts.set(sha1(scriptOrSha!), scriptOrSha!);
    const text = command === 'EVAL' ? scriptOrSha : scripts.get(scriptOrSha!.toLowerCase());
    // An unknown script: answer as Upstash does, so the client falls back to EVAL.
    if (text === undefined) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    return redis.eval(text.replace(SHEBANG, ''), Number(keyCount), ...rest);
  };
  const run = async ([command, ...args]: (string | number)[]) => {
    try {
      const name = String(command).toUpperCase();
      const strings = args.map(String);
      const result =
        name === 'EVAL' || name === 'EVALSHA'
          ? await script(name, strings)
          : await redis.call(name, ...strings);
      return { result: encode(result) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  const server: Server = createServer(async (request, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Unauthorized' }));
      return;
    }
    const body = await readJson(request);
    const isBatch = request.url === '/pipeline' || request.url === '/multi-exec';
    const payload = isBatch
      ? await Promise.all((body as (string | number)[][]).map(run))
      : await run(body as (string | number)[]);
    const failed = !isBatch && 'error' in (payload as object);
    response.writeHead(failed ? 400 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
