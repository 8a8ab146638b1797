import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { queryRows } from '@/db/query-rows';
import { errorReports } from '@/db/schema';
import { testApi } from '@/test/helpers/api-client';

const { api, db } = testApi();

describe('REST envelope', () => {
  it('wraps a success in { success, data, timestamp, requestId }', async () => {
    const response = await api.rest('/version');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      success: true,
      data: { name: 'lean-saas', version: expect.any(String), commit: expect.any(String) },
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('answers an unknown route with a 404 envelope', async () => {
    const response = await api.rest('/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps a well-formed x-request-id and replaces a malformed one', async () => {
    const kept = await api.rest('/version', { headers: { 'x-request-id': 'req-abc-12345' } });
    expect(kept.headers.get('x-request-id')).toBe('req-abc-12345');
    expect((await kept.json()).requestId).toBe('req-abc-12345');

    const replaced = await api.rest('/version', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers HEAD with the status GET would have, and no body', async () => {
    const head = await api.rest('/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await api.rest('/no-such-thing', { method: 'HEAD' })).status).toBe(404);
  });
});

describe('POST /api/v1/errors', () => {
  const valid = {
    message: 'Checkout button did nothing (order 123)',
    severity: 'high',
    category: 'ui.checkout',
  };

  it('stores a report and answers 201 with only its fingerprint and count', async () => {
    const response = await api.postJson('/errors', { ...valid, metadata: { browser: 'x' } });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.data).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), count: 1 });
    expect(JSON.stringify(body)).not.toContain('Checkout');

    const [row] = await db()
      .select()
      .from(errorReports)
      .where(eq(errorReports.fingerprint, body.data.fingerprint));
    expect(row).toMatchObject({
      source: 'client',
      severity: 'high',
      category: 'ui.checkout',
      count: 1,
    });
  });

  it('aggregates repeats by fingerprint, masking volatile numbers', async () => {
    const first = await (
      await api.postJson('/errors', { ...valid, message: 'Timeout after 30 s' })
    ).json();
    const second = await (
      await api.postJson('/errors', { ...valid, message: 'Timeout after 45 s' })
    ).json();
    expect(second.data.fingerprint).toBe(first.data.fingerprint);
    expect(second.data.count).toBe(first.data.count + 1);
  });

  it('refuses invalid input with 400 naming each field, storing nothing', async () => {
    const before = await queryRows(db(), sql`select count(*)::int as n from error_reports`);
    const response = await api.postJson('/errors', {
      message: '',
      severity: 'urgent',
      category: 'ui',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.success).toBe(false);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'message',
      'severity',
    ]);
    const after = await queryRows(db(), sql`select count(*)::int as n from error_reports`);
    expect(after).toEqual(before);
  });

  it('refuses oversized metadata', async () => {
    const response = await api.postJson('/errors', {
      ...valid,
      metadata: { blob: 'x'.repeat(5_000) },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields[0].path).toBe('metadata');
  });

  it('does not echo hostile input back', async () => {
    const response = await api.postJson('/errors', {
      ...valid,
      category: '<script>alert(1)</script>',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('<script>');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await api.postJson('/errors', '{"message": ');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });

  it('answers a body over the size limit with 413, declared or not', async () => {
    const declared = await api.postJson(
      '/errors',
      { ...valid, message: 'x'.repeat(70 * 1024) },
      { 'content-length': String(70 * 1024 + 100) },
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('PAYLOAD_TOO_LARGE');

    // A chunked body announces no length: the cap counts bytes as they arrive.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await api.rest('/errors', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await api.rest('/errors', { method: 'POST', body: 'message=x' });
    expect(response.status).toBe(415);
  });
});
