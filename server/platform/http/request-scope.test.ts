import { Writable } from 'node:stream';

import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { INTERNAL_ERROR_MESSAGE } from './errors';
import { logger, loggerOptions } from '@/server/platform/observability/logger';
import { runApiRequest } from './request-scope';

/** Routes the logger (and the request's child logger) into an array of parsed JSON lines. */
function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const capture = pino({ level: 'info', redact: ['err.params'] }, sink);
  vi.spyOn(logger, 'child').mockImplementation((bindings) => capture.child(bindings));
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(logger, level).mockImplementation(capture[level].bind(capture));
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('runApiRequest', () => {
  it('writes exactly one JSON line per request with method, path, status, duration, request id', async () => {
    const lines = captureLogs();
    const response = await runApiRequest(
      new Request('http://localhost/api/v1/thing', { headers: { 'x-request-id': 'req-log-0001' } }),
      'GET /api/v1/thing',
      async () => Response.json({ ok: true }, { status: 201 }),
    );
    expect(response.headers.get('x-request-id')).toBe('req-log-0001');
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request',
        level: 30,
        requestId: 'req-log-0001',
        method: 'GET',
        path: '/api/v1/thing',
        route: 'GET /api/v1/thing',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('turns an escaped exception into a generic 500 envelope, details only in the log', async () => {
    const lines = captureLogs();
    const response = await runApiRequest(
      new Request('http://localhost/api/v1/thing'),
      'GET /api/v1/thing',
      async () => {
        throw new Error('connection string postgres://admin:hunter2@db/prod');
      },
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      success: false,
      error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE },
      requestId: response.headers.get('x-request-id'),
    });
    expect(text).not.toContain('hunter2');
    const errors = lines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('hunter2'); // the log keeps the detail
    expect(lines.filter((line) => line.msg === 'request')).toHaveLength(1);
  });

  it('refuses a body over the limit before the handler sees it', async () => {
    captureLogs();
    const handler = vi.fn(async () => new Response('unreachable'));
    const response = await runApiRequest(
      new Request('http://localhost/api/v1/thing', { method: 'POST', body: 'x'.repeat(70_000) }),
      'POST /api/v1/thing',
      handler,
    );
    expect(response.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });
});

/** A logger with the app's options that writes its lines into an array. */
function probeLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, probe: pino({ ...loggerOptions, level: 'info' }, sink) };
}

describe('logger redaction', () => {
  it('masks credentials and query parameters that reach a log line', () => {
    const { lines, probe } = probeLogger();
    probe.info(
      {
        headers: { authorization: 'Bearer sk_live_secret', cookie: 'session=abc123' },
        password: 'correct horse',
        err: { message: 'Failed query', params: ['user@example.com'] },
      },
      'probe',
    );
    expect(lines).toHaveLength(1);
    for (const secret of ['sk_live_secret', 'abc123', 'correct horse', 'user@example.com']) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(lines[0]).toContain('[redacted]');
  });

  it('keeps a failed query in the log but not its parameters', () => {
    const { lines, probe } = probeLogger();
    const error = new Error(
      'Failed query: insert into auth.users values ($1, $2)\nparams: ada@example.com,$argon2id$v=19$secret',
    );
    probe.error({ err: error }, 'boom');
    expect(lines[0]).toContain('insert into auth.users');
    expect(lines[0]).not.toContain('ada@example.com');
    expect(lines[0]).not.toContain('argon2id');
  });
});
