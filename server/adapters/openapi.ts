import { generateOpenApiDocument } from 'trpc-to-openapi';

import { appRouter } from '@/server/root';
import { getVersion } from '@/server/core/version';

import { errorEnvelopeSchema } from './envelope';
import { REST_PREFIX } from './rest';

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;

const ERROR_REF = { $ref: '#/components/schemas/ErrorEnvelope' };

type Operation = {
  operationId?: string;
  responses?: Record<
    string,
    { description: string; content?: Record<string, { schema?: unknown }> }
  >;
};

/** Success bodies are documented inside the envelope the REST adapter really sends. */
function envelopeOf(data: unknown) {
  return {
    type: 'object',
    required: ['success', 'data', 'timestamp', 'requestId'],
    properties: {
      success: { const: true },
      data,
      timestamp: { type: 'string', format: 'date-time' },
      requestId: { type: 'string' },
    },
  };
}

/** operationId → the non-200 success status a procedure declares in its meta. */
function successStatuses(): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: { successStatus?: number } } })._def
      .meta;
    if (meta?.successStatus) statuses.set(path.replace(/\./g, '-'), meta.successStatus);
  }
  return statuses;
}

function wrapInEnvelopes(document: OpenApiDocument): OpenApiDocument {
  const statuses = successStatuses();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      const responses = operation.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        const json = response.content?.['application/json'];
        if (!json) continue;
        json.schema = status.startsWith('2') ? envelopeOf(json.schema) : ERROR_REF;
      }
      const status = operation.operationId && statuses.get(operation.operationId);
      if (status && responses['200']) {
        responses[String(status)] = responses['200'];
        delete responses['200'];
      }
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).filter(
      ([name]) => !name.startsWith('error.'),
    ),
  );
  // zod's JSON Schema output is 2020-12, which OpenAPI 3.1 uses; only the TS types differ.
  const errorEnvelope = errorEnvelopeSchema as unknown as (typeof schemas)[string];
  document.components = {
    ...document.components,
    schemas: { ...schemas, ErrorEnvelope: errorEnvelope },
  };
  return document;
}

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of every procedure that has OpenAPI meta. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= wrapInEnvelopes(
    generateOpenApiDocument(appRouter, {
      title: 'Lean SaaS API',
      description:
        'REST view of the tRPC procedures. Every body is an envelope: ' +
        '`{ success: true, data, timestamp, requestId }` or ' +
        '`{ success: false, error: { code, message, details? }, timestamp, requestId }`.',
      version: getVersion().version,
      baseUrl: REST_PREFIX,
      tags: ['core'],
    }),
  );
  return cached;
}
