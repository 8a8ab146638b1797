import { z } from 'zod';

import { jsonObject, text } from '@/server/platform/http/input';

export const versionOutput = z.object({
  name: z.string(),
  version: z.string(),
  commit: z.string(),
});

export const dependencyStatus = z.enum(['ok', 'down', 'not configured']);

export const dependencyCheck = z.object({
  status: dependencyStatus,
  latencyMs: z.number().nullable(),
});

export const healthOutput = z.object({
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  checks: z.object({
    database: dependencyCheck,
    redis: dependencyCheck,
    stripe: dependencyCheck,
    email: dependencyCheck,
  }),
  /** Alert rules firing now (server/core/alert-rules.ts). */
  alerts: z.array(
    z.object({ id: z.string(), severity: z.enum(['warning', 'critical']), message: z.string() }),
  ),
  uptimeSeconds: z.number(),
  version: z.string(),
});

export const MAX_METADATA_BYTES = 4_096;

export const errorReportInput = z.object({
  message: text('The message').trim().min(1).max(2_000),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  category: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
  metadata: jsonObject('The metadata')
    .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_METADATA_BYTES, {
      message: `must serialise to at most ${MAX_METADATA_BYTES} bytes`,
    })
    .optional(),
});

// Only the fingerprint goes back: echoing the report would reflect client input.
export const errorReportOutput = z.object({
  fingerprint: z.string(),
  count: z.number().int(),
});

const routeMetrics = z.object({
  route: z.string(),
  requests: z.number(),
  errorRate: z.number(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
});

export const metricsOutput = z.object({
  routes: z.array(routeMetrics),
  process: z.object({
    uptimeSeconds: z.number(),
    rssBytes: z.number(),
    heapUsedBytes: z.number(),
  }),
  database: z.object({ kind: z.enum(['embedded', 'postgres']), latencyMs: z.number().nullable() }),
});

export type HealthOutput = z.infer<typeof healthOutput>;
export type DependencyCheck = z.infer<typeof dependencyCheck>;
export type ErrorReportInput = z.infer<typeof errorReportInput>;
export type MetricsOutput = z.infer<typeof metricsOutput>;
