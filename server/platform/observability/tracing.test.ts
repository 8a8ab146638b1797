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
    expect(registerOTel).toHaveBeenCalledWith({
      serviceName: 'lean-saas',
      spanProcessors: [expect.any(Object), 'auto'],
    });
  });
});

describe('the query-string redactor', () => {
  it('strips query strings from URL attributes, before and after the span starts', async () => {
    const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } =
      await import('@opentelemetry/sdk-trace-base');
    const { QueryStringRedactor } = await import('./trace-redaction');
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new QueryStringRedactor(), new SimpleSpanProcessor(exporter)],
    });
    const span = provider.getTracer('test').startSpan('GET /reset-password', {
      attributes: { 'http.target': '/reset-password?token=secret-1', 'http.method': 'GET' },
    });
    span.setAttribute('http.url', 'https://app.example/verify-email?token=secret-2');
    span.setAttributes({ 'url.query': 'token=secret-3', 'url.full': 'https://x/y?token=secret-4' });
    span.end();
    const [exported] = exporter.getFinishedSpans();
    expect(exported!.attributes).toEqual({
      'http.target': '/reset-password',
      'http.method': 'GET',
      'http.url': 'https://app.example/verify-email',
      'url.query': '[redacted]',
      'url.full': 'https://x/y',
    });
    expect(JSON.stringify(exported!.attributes)).not.toContain('secret');
  });
});
