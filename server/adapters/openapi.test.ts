import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';

import { getOpenApiDocument } from './openapi';

type Operation = {
  responses: Record<
    string,
    { content: { 'application/json': { schema: { required?: string[]; $ref?: string } } } }
  >;
};

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = structuredClone(getOpenApiDocument());
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(document as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents the endpoints under /api/v1', () => {
    const document = getOpenApiDocument();
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(['/errors', '/health', '/version', '/me', '/auth/sign-in']),
    );
  });

  it('documents bodies inside the envelope, errors as ErrorEnvelope', () => {
    const paths = getOpenApiDocument().paths as unknown as Record<
      string,
      Record<string, Operation>
    >;
    const version = paths['/version']!.get!.responses;
    expect(version['200']!.content['application/json'].schema.required).toEqual([
      'success',
      'data',
      'timestamp',
      'requestId',
    ]);
    expect(version['500']!.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorEnvelope',
    });
    const errors = paths['/errors']!.post!.responses;
    expect(Object.keys(errors)).toContain('201');
    expect(Object.keys(errors)).not.toContain('200');
    expect(errors['400']!.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorEnvelope',
    );
  });

  it("documents health's 503 with the success body, and body limits where a body is taken", () => {
    const paths = getOpenApiDocument().paths as unknown as Record<
      string,
      Record<string, Operation>
    >;
    const health = paths['/health']!.get!.responses;
    expect(health['503']!.content['application/json'].schema).toEqual(
      health['200']!.content['application/json'].schema,
    );
    const errors = paths['/errors']!.post!.responses;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['413', '415']));
    expect(Object.keys(paths['/version']!.get!.responses)).not.toContain('413');
  });

  it("documents each listed organization's member count", () => {
    const paths = getOpenApiDocument().paths as unknown as Record<
      string,
      Record<string, { responses: Record<string, { content: Record<string, { schema: Node }> }> }>
    >;
    type Node = { properties: Record<string, Node>; items: Node; required?: string[] };
    const { schema } = paths['/organizations']!.get!.responses['200']!.content['application/json']!;
    const item = schema.properties.data!.properties.items!.items;
    expect(item.required).toContain('memberCount');
    expect(item.properties.memberCount).toMatchObject({ type: 'integer', minimum: 1 });
  });

  // tRPC clients get Dates (superjson); REST sends the same instants as ISO-8601
  // strings, and the document must say so, or a generated client reads "any string".
  it('documents every instant in a response as a date-time string', () => {
    const instants = instantsIn(getOpenApiDocument().paths);
    expect(instants.length).toBeGreaterThan(20);
    for (const { at, schema } of instants) {
      const [value] = variantsOf(schema).filter((variant) => variant.type !== 'null');
      expect(value, at).toEqual({ type: 'string', format: 'date-time' });
    }
  });
});

type JsonSchema = { type?: unknown; format?: string; anyOf?: JsonSchema[] };

/** A nullable instant is `anyOf: [date-time, null]`; anything else is itself. */
const variantsOf = (schema: JsonSchema) => schema.anyOf ?? [schema];

/** Every response property named like an instant (`createdAt`, `resetsAt`…), and where. */
function instantsIn(node: unknown, at = ''): { at: string; schema: JsonSchema }[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${at}/${key}`;
    const own =
      at.includes('/responses/') && at.endsWith('/properties') && /At$/.test(key)
        ? [{ at: here, schema: value }]
        : [];
    return [...own, ...instantsIn(value, here)];
  });
}
