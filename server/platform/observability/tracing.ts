import { env } from '@/env';

/** Whether an OpenTelemetry exporter is configured for this deployment. */
export const tracingConfigured = () =>
  Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
    env.VERCEL_OTEL_ENDPOINTS,
  );

/**
 * Registers OpenTelemetry (@vercel/otel: Next.js's own spans, fetch, and the
 * exporter from the standard OTEL_* variables or Vercel's). Without an exporter the
 * SDK is never even loaded: no spans are made, nothing is paid.
 */
export async function registerTracing(): Promise<boolean> {
  if (!tracingConfigured()) return false;
  const [{ registerOTel }, { QueryStringRedactor }] = await Promise.all([
    import('@vercel/otel'),
    import('./trace-redaction'),
  ]);
  registerOTel({
    serviceName: env.OTEL_SERVICE_NAME,
    // Query strings out first (emailed links carry one-time tokens), then export.
    spanProcessors: [new QueryStringRedactor(), 'auto'],
  });
  return true;
}
