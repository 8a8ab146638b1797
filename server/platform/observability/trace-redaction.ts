import type { Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

// Attributes that carry a request's URL. Ours put one-time tokens in query strings
// (/reset-password?token=…), which must not reach a tracing backend.
const URL_ATTRIBUTES = new Set(['http.target', 'http.url', 'url.full', 'next.url']);
const QUERY_ATTRIBUTES = new Set(['url.query']);

const withoutQuery = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\?.*$/s, '') : value;

function scrubbed(key: string, value: unknown) {
  if (QUERY_ATTRIBUTES.has(key)) return '[redacted]';
  return URL_ATTRIBUTES.has(key) ? withoutQuery(value) : value;
}

/**
 * Runs first among the span processors: removes query strings from URL attributes
 * already on a span, and from any set on it later, before an exporter sees them.
 */
export class QueryStringRedactor implements SpanProcessor {
  onStart(span: Span): void {
    for (const [key, value] of Object.entries(span.attributes)) {
      const clean = scrubbed(key, value);
      if (clean !== value) span.setAttribute(key, clean as string);
    }
    const setAttribute = span.setAttribute.bind(span);
    span.setAttribute = (key, value) => setAttribute(key, scrubbed(key, value) as typeof value);
    const setAttributes = span.setAttributes.bind(span);
    span.setAttributes = (attributes) =>
      setAttributes(
        Object.fromEntries(
          Object.entries(attributes).map(([key, value]) => [key, scrubbed(key, value)]),
        ) as typeof attributes,
      );
  }

  onEnd(): void {}

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}
