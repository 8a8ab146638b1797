/**
 * Malformed inputs for every operation of the OpenAPI document, as a fixed list:
 * deterministic and bounded, so a failure names the exact request and CI time stays
 * flat. Each case breaks one thing and keeps the rest valid, so it reaches the code
 * behind validation too.
 */
export type FuzzCase = {
  /** `METHOD /template`, as in the document. */
  operation: string;
  method: string;
  path: string;
  body?: BodyInit;
  contentType?: string;
};

type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
};
type Parameter = { in: 'path' | 'query'; name: string; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
};
export type OpenApiPaths = Record<string, Record<string, Operation>>;

const b64 = (text: string) => Buffer.from(text).toString('base64url');
// An id no row has, so a case never deletes or changes anything that exists.
const uuid = '0b8f3a5e-4c1d-4e2f-9a7b-6c5d4e3f2a1b';

/** Strings Postgres, JS dates or the parsers choke on. */
const STRINGS = [
  '',
  'a\u0000b',
  'a\ud800b',
  '\udfff',
  'x'.repeat(5_000),
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
  '2024-13-45',
  '1e308',
  '-1',
  'NaN',
  b64(`2024-13-01 00:00:00+00|${uuid}`),
  b64(`0000-01-01 00:00:00+00|${uuid}`),
];

/** Percent-encodings that do not decode: URL parsers throw on them. */
const RAW_SEGMENTS = ['%ff', '%ED%A0%80', '%'];

const BODY_VALUES: unknown[] = [
  ...STRINGS.slice(0, 9),
  1e308,
  -1,
  1.5,
  null,
  true,
  [],
  { 'a\u0000': 'b\ud800' },
  { a: { b: ['c\u0000'] } },
];

/** Encodes all but lone surrogates, which a URL turns into U+FFFD as a browser would. */
const encode = (text: string) => text.replace(/[^\ud800-\udfff]+/g, encodeURIComponent);

function validValue(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return validValue(schema.anyOf[0]!);
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [validValue(schema.items ?? {})];
  if (schema.type === 'object') return validBody(schema);
  if (schema.format === 'email') return 'fuzz@example.com';
  if (schema.format === 'uuid') return uuid;
  if (schema.format === 'date' || schema.format === 'date-time') return '2026-01-01';
  if (schema.format === 'uri') return 'https://example.com/a.png';
  return 'fuzz';
}

const validBody = (schema: Schema) =>
  Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, validValue(property)]),
  );

const validPathValue = (name: string) => (name === 'sessionId' ? 'cs_fuzz' : uuid);

function pathWith(template: string, params: Parameter[], override?: [string, string]) {
  let path = template;
  for (const param of params.filter((p) => p.in === 'path')) {
    const value = override?.[0] === param.name ? override[1] : encode(validPathValue(param.name));
    path = path.replace(`{${param.name}}`, value);
  }
  return path;
}

function queryWith(params: Parameter[], override?: [string, string]) {
  const pairs = params
    .filter((param) => param.in === 'query')
    .map((param) => {
      const value =
        override?.[0] === param.name ? override[1] : encode(String(validValue(param.schema)));
      return `${param.name}=${value}`;
    });
  return pairs.length ? `?${pairs.join('&')}` : '';
}

const BROKEN_UTF8 = Buffer.from('{"a":"\xff\xfe\xed\xa0\x80"}', 'latin1');

/** A body of the right shape with one field wrong, then bodies wrong as a whole. */
function bodyVariants(schema: Schema): Pick<FuzzCase, 'body' | 'contentType'>[] {
  const valid = validBody(schema);
  const text = JSON.stringify(valid);
  return [
    ...Object.keys(valid).flatMap((field) =>
      BODY_VALUES.map((value) => ({ body: JSON.stringify({ ...valid, [field]: value }) })),
    ),
    ...['not json', '[]', 'null', '{"a":', '1e999'].map((body) => ({ body })),
    { body: BROKEN_UTF8 },
    { body: text, contentType: 'application/json; charset=utf-16' },
    { body: text, contentType: 'application/json; charset=nope' },
    { body: text, contentType: 'text/plain' },
  ];
}

/** Every case for every operation. */
export function malformedCases(paths: OpenApiPaths): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const params = operation.parameters ?? [];
      const upper = method.toUpperCase();
      const schema = operation.requestBody?.content['application/json'].schema;
      // Without a body a POST stops at 415, before its path parameters are read.
      const hasBody = schema || !['GET', 'DELETE'].includes(upper);
      const validBodyText = hasBody ? JSON.stringify(schema ? validBody(schema) : {}) : undefined;
      const add = (path: string, body: Pick<FuzzCase, 'body' | 'contentType'>) =>
        cases.push({ operation: `${upper} ${template}`, method: upper, path, ...body });

      for (const param of params) {
        for (const value of [...STRINGS.map(encode), ...RAW_SEGMENTS]) {
          const override: [string, string] = [param.name, value];
          const path =
            param.in === 'path'
              ? pathWith(template, params, override) + queryWith(params)
              : pathWith(template, params) + queryWith(params, override);
          add(path, { body: validBodyText });
        }
      }
      const path = pathWith(template, params) + queryWith(params);
      for (const body of schema ? bodyVariants(schema) : [{ body: validBodyText }]) add(path, body);
    }
  }
  return cases;
}
