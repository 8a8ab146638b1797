import { beforeAll, describe, expect, it, vi } from 'vitest';

import { getOpenApiDocument } from '@/server/adapters/openapi';
import { PERMISSIONS } from '@/server/identity/permissions';
import { asNewCaller, signedInAdmin, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { testBilling } from '@/test/helpers/stripe';

import { malformedCases, type FuzzCase, type OpenApiPaths } from './malformed-inputs';

// Thousands of requests from two callers: the limits are tested elsewhere, and a 429
// here would hide whatever the request would have reached.
vi.hoisted(() => {
  process.env.RATE_LIMIT_MULTIPLIER = '10000';
});

const stripe = testBilling(() => db());
const { api, db } = testApi({ billing: () => stripe.billing() });

/** A signed-in admin's API key holding every scope: it reaches every operation. */
async function fullScopeKey() {
  const admin = await signedInAdmin(api, db());
  const created = await api.postJson(
    '/api-keys',
    { name: 'fuzz', scopes: PERMISSIONS },
    { cookie: admin.cookie, ...asNewCaller() },
  );
  expect(created.status).toBe(201);
  return ((await created.json()).data as { key: string }).key;
}

let key = '';
let cookie = '';
beforeAll(async () => {
  key = await fullScopeKey();
  cookie = (await signedInUser(api, db())).cookie;
});

function send(fuzz: FuzzCase, headers: Record<string, string>) {
  const init: RequestInit = { method: fuzz.method, headers: { ...headers } };
  if (fuzz.body !== undefined) {
    init.body = fuzz.body;
    (init.headers as Record<string, string>)['content-type'] =
      fuzz.contentType ?? 'application/json';
  }
  return api.rest(fuzz.path, init);
}

const describeCase = (fuzz: FuzzCase) => {
  const body = typeof fuzz.body === 'string' ? fuzz.body : fuzz.body ? '<bytes>' : '';
  return `${fuzz.method} ${fuzz.path.slice(0, 160)} ${body.slice(0, 160)} ${fuzz.contentType ?? ''}`;
};

describe('malformed input to every REST operation', () => {
  const cases = malformedCases(getOpenApiDocument().paths as OpenApiPaths);

  it('covers every operation in the document', () => {
    const operations = Object.entries(getOpenApiDocument().paths ?? {}).flatMap(
      ([template, item]) =>
        Object.keys(item!).map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(operations.length).toBeGreaterThan(30);
    expect(new Set(cases.map((fuzz) => fuzz.operation))).toEqual(new Set(operations));
  });

  // Which operations a caller gets past authentication on: an anonymous caller the
  // public ones (no security requirement), an API key all but the session-only ones,
  // which a signed-in session reaches.
  const securityOf = (operation: string) => {
    const [method, template] = operation.split(' ') as [string, string];
    const paths = getOpenApiDocument().paths as OpenApiPaths;
    return (paths[template]![method.toLowerCase()] as { security?: object[] }).security;
  };
  const sessionOnly = (security: object[] | undefined) =>
    security?.length === 1 && Object.keys(security[0]!).join() === 'sessionCookie';
  const reachable = {
    anonymous: (operation: string) => securityOf(operation) === undefined,
    key: (operation: string) => !sessionOnly(securityOf(operation)),
    // The session is no admin's: the admin area refuses it (403) before reading input.
    session: (operation: string) =>
      sessionOnly(securityOf(operation)) && !operation.split(' ')[1]!.startsWith('/admin/'),
  };

  // Most malformed cases an operation reaches must be refused as invalid (400), and
  // none may be a 5xx or leave the envelope, reachable or not.
  for (const [caller, headersOf, reaches, sends = 'all'] of [
    ['an anonymous caller', () => asNewCaller(), reachable.anonymous],
    [
      'a full-scope API key',
      () => ({ authorization: `Bearer ${key}`, ...asNewCaller() }),
      reachable.key,
    ],
    ['a signed-in session', () => ({ cookie, ...asNewCaller() }), reachable.session, 'reached'],
  ] as const) {
    it(`never answers ${caller} with a 5xx, and refuses bad input with the envelope`, async () => {
      const failures: string[] = [];
      let reached = 0;
      let refused = 0;
      // The session is sent only where it is needed: elsewhere a case may sign it out.
      const sent = sends === 'reached' ? cases.filter((fuzz) => reaches(fuzz.operation)) : cases;
      for (const fuzz of sent) {
        const response = await send(fuzz, headersOf());
        const text = await response.text();
        if (reaches(fuzz.operation)) {
          reached++;
          if (response.status === 400) refused++;
        }
        if (response.status >= 500) failures.push(`${response.status} ${describeCase(fuzz)}`);
        else if (response.status >= 400 && !text.startsWith('{"success":false')) {
          failures.push(`${response.status} without the envelope: ${describeCase(fuzz)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(reached).toBeGreaterThan(0);
      expect(refused / reached).toBeGreaterThan(0.8);
    }, 240_000);
  }

  it('leaves the key working (no case revoked it or broke the account)', async () => {
    const me = await api.rest('/me', { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
  });
});

describe('what the fuzz found, as a person would see it', () => {
  const report = { severity: 'low', category: 'ui' };
  const fieldsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    return body.error.details.fields;
  };

  it('refuses NUL and lone surrogates from an anonymous caller, naming the field', async () => {
    const nul = await api.postJson('/errors', { ...report, message: 'a\u0000b' }, asNewCaller());
    expect(await fieldsOf(nul)).toEqual([
      { path: 'message', message: 'The message cannot contain a NUL character.' },
    ]);
    const lone = await api.postJson('/errors', { ...report, message: 'a\ud800' }, asNewCaller());
    expect(await fieldsOf(lone)).toEqual([
      {
        path: 'message',
        message: 'The message contains a broken character (an unpaired surrogate).',
      },
    ]);
    const metadata = await api.postJson(
      '/errors',
      { ...report, message: 'm', metadata: { a: { b: 'c\u0000' } } },
      asNewCaller(),
    );
    expect((await fieldsOf(metadata))[0].message).toBe(
      'The metadata cannot contain a NUL character.',
    );
  });

  it('refuses dates outside 1900-01-01..2999-12-31 and cursors that are not real', async () => {
    const headers = { authorization: `Bearer ${key}`, ...asNewCaller() };
    const from = await api.rest('/audit-logs?from=0000-01-01', { headers });
    expect(await fieldsOf(from)).toEqual([
      { path: 'from', message: 'The start date must be between 1900-01-01 and 2999-12-31.' },
    ]);
    const to = await api.rest('/audit-logs?to=9999-12-31', { headers });
    expect((await fieldsOf(to))[0].path).toBe('to');
    const month13 = Buffer.from('2024-13-01 00:00:00+00|0b8f3a5e-4c1d-4e2f-9a7b-6c5d4e3f2a1b');
    const cursor = await api.rest(`/audit-logs?cursor=${month13.toString('base64url')}`, {
      headers,
    });
    expect(await fieldsOf(cursor)).toEqual([
      {
        path: 'cursor',
        message: 'The cursor is not valid: pass nextCursor from the previous page.',
      },
    ]);
  });

  it('refuses a JSON body that is not UTF-8, whatever it claims', async () => {
    const post = (body: BodyInit, contentType: string) =>
      api.rest('/errors', {
        method: 'POST',
        headers: { 'content-type': contentType, ...asNewCaller() },
        body,
      });
    const valid = JSON.stringify({ ...report, message: 'fine' });
    const broken = Buffer.concat([
      Buffer.from(valid.slice(0, -3)),
      Buffer.from([0xff, 0x22, 0x7d]),
    ]);
    const notUtf8 = await post(broken, 'application/json');
    expect(notUtf8.status).toBe(400);
    expect((await notUtf8.json()).error.message).toBe('The body is not valid UTF-8.');
    const utf16 = await post(valid, 'application/json; charset=utf-16');
    expect(utf16.status).toBe(415);
    expect((await post(valid, 'application/json; charset=UTF-8')).status).toBe(201);
  });
});
