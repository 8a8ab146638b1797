import client from 'prom-client';

/**
 * Process-wide metrics on one prom-client registry (kept on globalThis so dev
 * reloads do not register twice). Routes are labelled by procedure, never by raw
 * URL, to keep the label set bounded.
 */
type Metrics = {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status'>;
  duration: client.Summary<'route'>;
};

const holder = globalThis as typeof globalThis & { __leanSaasMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new client.Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new client.Summary({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route (sliding 10-minute window)',
      labelNames: ['route'],
      percentiles: [0.5, 0.95, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  holder.__leanSaasMetrics ??= createMetrics();
  return holder.__leanSaasMetrics;
}

export function recordRequest(method: string, route: string, status: number, seconds: number) {
  const { requests, duration } = metrics();
  requests.inc({ method, route, status: String(status) });
  duration.observe({ route }, seconds);
}
