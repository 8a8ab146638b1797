export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  default?: unknown;
  example?: unknown;
  format?: string;
  anyOf?: Schema[];
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
export type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
};

export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, Response>;
  security?: Record<string, string[]>[];
};

export type Endpoint = { id: string; method: string; path: string; operation: Operation };
export type TagGroup = { tag: string; endpoints: Endpoint[] };

/** The document's operations grouped by their first tag, in the document's order. */
export function groupByTag(paths: Record<string, unknown>): TagGroup[] {
  const groups = new Map<string, Endpoint[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const tag = operation.tags?.[0] ?? 'other';
      const id = operation.operationId ?? `${method}-${path}`;
      groups.set(tag, [...(groups.get(tag) ?? []), { id, method, path, operation }]);
    }
  }
  return [...groups].map(([tag, endpoints]) => ({ tag, endpoints }));
}

/** The API-key scopes an operation asks for; `null` when an API key cannot call it. */
export function keyScopes(operation: Operation): string[] | null {
  const bearer = operation.security?.find((requirement) => 'bearerApiKey' in requirement);
  return bearer ? bearer.bearerApiKey! : null;
}

/** A value that fits `schema`, for samples: its example or default, else a placeholder. */
export function exampleOf(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return exampleOf(schema.anyOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    // Required fields only: the smallest request that works.
    const required = schema.required ?? [];
    return Object.fromEntries(
      required.map((name) => [name, exampleOf(schema.properties?.[name], depth + 1)]),
    );
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (schema.format === 'email') return 'you@example.com';
  if (schema.format === 'uuid') return '00000000-0000-0000-0000-000000000000';
  return '…';
}
