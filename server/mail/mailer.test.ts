import { createServer, type IncomingHttpHeaders } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testApi } from '@/test/helpers/api-client';

import { devMailboxServes, listOutboxAsService, outboxHtmlAsService } from './dev-mailbox';
import { outboxMailer, resendMailer } from './mailer';
import { verificationEmail } from './templates';

const { db } = testApi();

describe('mailer', () => {
  it('puts messages in the outbox when no provider is configured, once each', async () => {
    const email = await verificationEmail(
      'en',
      'ada@example.com',
      'http://localhost/verify-email?token=abc',
    );
    await outboxMailer(db()).send(email);
    await outboxMailer(db()).send(email);
    const stored = (await listOutboxAsService(db())).filter(
      (message) => message.toAddress === 'ada@example.com',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: email.id,
      subject: 'Confirm your email address',
      textBody: email.text,
      htmlBody: email.html,
    });
    expect(stored[0]!.htmlBody).toContain('href="http://localhost/verify-email?token=abc"');
  });

  it("gives the dev mailbox one message's HTML, to this machine and its network only", async () => {
    const email = await verificationEmail('en', 'hopper@example.com', 'http://localhost/v?token=h');
    await outboxMailer(db()).send(email);
    expect(await outboxHtmlAsService(db(), email.id)).toBe(email.html);
    expect(await outboxHtmlAsService(db(), crypto.randomUUID())).toBeNull();
    expect(await outboxHtmlAsService(db(), 'not-a-uuid')).toBeNull();

    const from = (ip: string) => new Headers({ 'x-test-client-ip': ip });
    expect(devMailboxServes(from('127.0.0.1'))).toBe(true);
    expect(devMailboxServes(from('192.168.1.20'))).toBe(true);
    expect(devMailboxServes(from('203.0.113.9'))).toBe(false);
  });

  it('escapes what it puts into HTML', async () => {
    const email = await verificationEmail('en', 'x@example.com', 'http://localhost/?a="><script>');
    expect(email.html).not.toContain('<script>');
  });

  describe('Resend, through its SDK against a local stand-in of its API', () => {
    type Received = { headers: IncomingHttpHeaders; body: Record<string, unknown> };
    const received: Received[] = [];
    // Answers each request with the next queued status (200 once the queue is empty);
    // 'hang' never answers, 'html-403' is a 403 whose body is not JSON (a proxy's page).
    const failures: (number | 'hang' | 'html-403')[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: JSON.parse(body) });
        const authorized =
          request.url === '/emails' && request.headers.authorization === 'Bearer re_test_key';
        const next = authorized ? (failures.shift() ?? 200) : 401;
        if (next === 'hang') return;
        if (next === 'html-403') {
          response.writeHead(403, { 'content-type': 'text/html' });
          return response.end('<h1>Forbidden</h1>');
        }
        const status = next;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            status === 200
              ? { id: 'email_1' }
              : {
                  statusCode: status,
                  name: status === 401 ? 'validation_error' : 'internal_server_error',
                  message: 'no',
                },
          ),
        );
      });
    });
    let baseUrl = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => server.close());
    const mailer = (apiKey = 're_test_key') =>
      resendMailer(apiKey, 'App <no-reply@app.example>', {
        baseUrl,
        retryDelaysMs: [1, 1],
        attemptTimeoutMs: 300,
      });

    it('sends both parts from the configured address, keyed by the message', async () => {
      const message = await verificationEmail(
        'en',
        'grace@example.com',
        'https://app.example/verify-email?token=t',
      );
      await mailer().send(message);
      const request = received.at(-1)!;
      expect(request.headers.authorization).toBe('Bearer re_test_key');
      expect(request.headers['idempotency-key']).toBe(`email/${message.id}`);
      expect(request.body).toMatchObject({
        from: 'App <no-reply@app.example>',
        to: 'grace@example.com',
        subject: 'Confirm your email address',
        html: message.html,
        text: message.text,
      });
      expect(request.body.html).toContain('https://app.example/verify-email?token=t');
      expect(request.body.text).toContain('https://app.example/verify-email?token=t');
    });

    it('retries a failed send with the same key; a new message gets a new one', async () => {
      const message = await verificationEmail(
        'en',
        'lin@example.com',
        'https://app.example/v?token=u',
      );
      const before = received.length;
      failures.push(500, 502);
      await mailer().send(message);
      const keys = received.slice(before).map((request) => request.headers['idempotency-key']);
      expect(keys).toEqual([`email/${message.id}`, `email/${message.id}`, `email/${message.id}`]);

      const again = await verificationEmail(
        'en',
        'lin@example.com',
        'https://app.example/v?token=u',
      );
      await mailer().send(again);
      expect(received.at(-1)!.headers['idempotency-key']).not.toBe(`email/${message.id}`);
    });

    it('reports a refusal, without retrying one that will not pass', async () => {
      const message = await verificationEmail(
        'en',
        'x@example.com',
        'https://app.example/v?token=x',
      );
      const before = received.length;
      await expect(mailer('re_wrong').send(message)).rejects.toThrow(/Resend refused/);
      expect(received.length - before).toBe(1);

      failures.push(500, 500, 500);
      await expect(mailer().send(message)).rejects.toThrow(/Resend refused/);
      expect(received.length - before).toBe(4);

      // The SDK names an unparseable answer application_error, 4xx included: still final.
      failures.push('html-403');
      await expect(mailer().send(message)).rejects.toThrow(/Resend refused/);
      expect(received.length - before).toBe(5);
    });

    it('gives up on an attempt that hangs and retries it with the same key', async () => {
      const message = await verificationEmail(
        'en',
        'slow@example.com',
        'https://app.example/v?token=s',
      );
      const before = received.length;
      failures.push('hang');
      const started = Date.now();
      await mailer().send(message);
      expect(Date.now() - started).toBeLessThan(3_000);
      const keys = received.slice(before).map((request) => request.headers['idempotency-key']);
      expect(keys).toEqual([`email/${message.id}`, `email/${message.id}`]);
    });
  });
});
