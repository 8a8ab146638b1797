import { afterEach, describe, expect, it, vi } from 'vitest';

const registerOTel = vi.hoisted(() => vi.fn());
vi.mock('@vercel/otel', () => ({ registerOTel }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  registerOTel.mockClear();
});

// env.ts reads the environment when first imported: import afresh per case.
const tracing = () => import('./tracing');

describe('tracing', () => {
  it('is off, and @vercel/otel never called, without an exporter', async () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', '');
    vi.stubEnv('VERCEL_OTEL_ENDPOINTS', '');
    expect(await (await tracing()).registerTracing()).toBe(false);
    expect(registerOTel).not.toHaveBeenCalled();
  });

  it('registers with the service name when an OTLP endpoint is set', async () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://127.0.0.1:4318');
    expect(await (await tracing()).registerTracing()).toBe(true);
    expect(registerOTel).toHaveBeenCalledWith({ serviceName: 'lean-saas' });
  });
});
