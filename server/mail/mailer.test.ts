import { createServer } from 'node:http';

import { afterAll, describe, expect, it } from 'vitest';

import { testApi } from '@/test/helpers/api-client';

import { listOutboxAsService, outboxMailer, resendMailer } from './mailer';
import { verificationEmail } from './templates';

const { db } = testApi();

describe('mailer', () => {
  it('puts messages in the outbox when no provider is configured', async () => {
    await outboxMailer(db()).send(
      verificationEmail('ada@example.com', 'http://localhost/verify-email?token=abc'),
    );
    const [message] = await listOutboxAsService(db());
    expect(message).toMatchObject({
      toAddress: 'ada@example.com',
      subject: 'Confirm your email address',
    });
    expect(message!.textBody).toContain('http://localhost/verify-email?token=abc');
    expect(message!.htmlBody).toContain('<a href="http://localhost/verify-email?token=abc">');
  });

  it('escapes what it puts into HTML', () => {
    const email = verificationEmail('x@example.com', 'http://localhost/?a="><script>');
    expect(email.html).not.toContain('<script>');
  });

  describe('Resend, through its SDK against a local stand-in of its API', () => {
    const received: { authorization?: string; body: Record<string, unknown> }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
        const ok =
          request.url === '/emails' && request.headers.authorization === 'Bearer re_test_key';
        response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(ok ? { id: 'email_1' } : { name: 'validation_error', message: 'bad key' }),
        );
      });
    });
    afterAll(() => {
      server.close();
      delete process.env.RESEND_BASE_URL;
    });

    it('sends from the configured address, and reports a refusal', async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

      const message = verificationEmail(
        'grace@example.com',
        'https://app.example/verify-email?token=t',
      );
      await resendMailer('re_test_key', 'App <no-reply@app.example>').send(message);
      expect(received.at(-1)).toMatchObject({
        authorization: 'Bearer re_test_key',
        body: {
          from: 'App <no-reply@app.example>',
          to: 'grace@example.com',
          subject: message.subject,
        },
      });

      await expect(resendMailer('re_wrong', 'App <a@b.c>').send(message)).rejects.toThrow(
        /Resend refused/,
      );
    });
  });
});
