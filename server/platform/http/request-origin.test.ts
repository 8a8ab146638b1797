import { afterEach, describe, expect, it, vi } from 'vitest';

// env.ts reads the environment once, at import: each case imports afresh.
async function originModule(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return import('./request-origin');
}

const plainHttp = (host: string) =>
  new Request(`http://0.0.0.0:3000/api/v1/auth/sign-in`, {
    headers: { host, 'x-forwarded-proto': 'http' },
  });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('servedOverHttps', () => {
  it('on a local app, follows how the browser came: plain http keeps a working cookie', async () => {
    const { servedOverHttps } = await originModule({ APP_URL: 'http://localhost:3000' });
    expect(servedOverHttps(plainHttp('192.168.1.20:3000'))).toBe(false);
    const viaTls = new Request('http://0.0.0.0:3000/', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(servedOverHttps(viaTls)).toBe(true);
  });

  it('on a deployed app, is always true, even when a proxy forgot X-Forwarded-Proto', async () => {
    const { servedOverHttps } = await originModule({ APP_URL: 'https://app.example.com' });
    expect(servedOverHttps(plainHttp('app.example.com'))).toBe(true);
  });
});

describe('isSameOrigin', () => {
  it('accepts the Host or X-Forwarded-Host the browser used, and nothing else', async () => {
    const { isSameOrigin } = await originModule({ APP_URL: 'http://localhost:3000' });
    const request = new Request('http://0.0.0.0:3000/', {
      headers: { host: '10.0.0.5:3000', 'x-forwarded-host': 'app.local:8443' },
    });
    expect(isSameOrigin(request, 'http://10.0.0.5:3000')).toBe(true);
    expect(isSameOrigin(request, 'https://app.local:8443')).toBe(true);
    expect(isSameOrigin(request, 'http://localhost:3000')).toBe(true); // APP_URL
    expect(isSameOrigin(request, 'http://0.0.0.0:3000')).toBe(false); // the bind address
    expect(isSameOrigin(request, 'http://10.0.0.5:3001')).toBe(false);
    expect(isSameOrigin(request, 'null')).toBe(false);
  });
});
