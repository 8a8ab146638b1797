import { generateOpenApiDocument } from 'trpc-to-openapi';

import { SESSION_COOKIE } from '@/server/auth/session-token';
import { getVersion } from '@/server/core/version';
import { errorEnvelopeSchema } from '@/server/platform/http/envelope';
import { appRouter } from '@/server/root';
import type { ApiMeta } from '@/server/trpc';

import { REST_PREFIX } from './rest';

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
type Response = { description: string; content?: Record<string, { schema?: unknown }> };
type Operation = {
  operationId?: string;
  description?: string;
  requestBody?: unknown;
  responses?: Record<string, Response>;
  security?: Record<string, string[]>[];
};
type StatusMeta = Pick<
  ApiMeta,
  'successStatus' | 'successBodyAlsoWith' | 'permission' | 'sessionOnly' | 'organizationPermission'
>;

const ERROR_REF = { $ref: '#/components/schemas/ErrorEnvelope' };

const errorResponse = (description: string): Response => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
});

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

/** operationId (trpc-to-openapi names `core.health` `core-health`) → its status meta. */
function statusMetaByOperation(): Map<string, StatusMeta> {
  const byOperation = new Map<string, StatusMeta>();
  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: ApiMeta } })._def.meta;
    if (meta?.openapi) byOperation.set(path.replace(/\./g, '-'), meta);
  }
  return byOperation;
}

function wrapInEnvelopes(document: OpenApiDocument): OpenApiDocument {
  const statusMeta = statusMetaByOperation();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      const responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        const json = response.content?.['application/json'];
        if (!json) continue;
        json.schema = status.startsWith('2') ? envelopeOf(json.schema) : ERROR_REF;
      }
      const meta = statusMeta.get(operation.operationId ?? '');
      if (meta?.permission) {
        // The scope an API key needs (OpenAPI 3.1 lists it for any scheme type); a
        // session needs its holder's role to include it.
        const scope = [meta.permission];
        operation.security = [
          { bearerApiKey: scope },
          { apiKeyHeader: scope },
          { sessionCookie: [] },
        ];
        operation.description = `Needs the \`${meta.permission}\` permission (an API key's scope).`;
      }
      if (meta?.sessionOnly) {
        operation.security = [{ sessionCookie: [] }];
        const role = meta.organizationPermission
          ? `, whose role in the organization allows \`${meta.organizationPermission}\``
          : '';
        operation.description = `Needs a signed-in session${role}. API keys are refused: a key acts only inside its organization.`;
      } else if (meta?.organizationPermission) {
        const scope = [meta.organizationPermission];
        operation.security = [
          { bearerApiKey: scope },
          { apiKeyHeader: scope },
          { sessionCookie: [] },
        ];
        operation.description = `Needs a role in the organization that allows \`${meta.organizationPermission}\`: a session's member, or an API key of this organization holding that scope (its creator's role there caps it).`;
      }
      const success = responses['200'];
      if (success && meta?.successStatus) {
        responses[String(meta.successStatus)] = success;
        delete responses['200'];
      }
      for (const [status, description] of Object.entries(meta?.successBodyAlsoWith ?? {}) as [
        string,
        string,
      ][]) {
        if (success) responses[status] = { ...success, description };
      }
      if (operation.requestBody) {
        responses['413'] = errorResponse('The body is larger than the API accepts');
        responses['415'] = errorResponse('The body is not application/json');
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
        '{ success: true, data, timestamp, requestId } or ' +
        '{ success: false, error: { code, message, details? }, timestamp, requestId }.',
      version: getVersion().version,
      baseUrl: REST_PREFIX,
      tags: ['core', 'auth', 'me', 'sessions', 'api-keys'],
      // Any one of these: an API key (either header) or the built-in provider's session.
      securitySchemes: {
        bearerApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key: `Authorization: Bearer sk_live_…`',
        },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
    }),
  );
  return cached;
}
