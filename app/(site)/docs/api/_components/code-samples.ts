import { exampleOf, keyScopes, type Endpoint } from './operations';

const bodySchemaOf = (endpoint: Endpoint) =>
  endpoint.operation.requestBody?.content?.['application/json']?.schema;

/** Path parameters as placeholders, required query parameters with sample values. */
function urlOf({ path, operation }: Endpoint): string {
  const filled = path.replace(/\{(\w+)\}/g, '<$1>');
  const query = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'query' && parameter.required)
    .map((parameter) => `${parameter.name}=${String(exampleOf(parameter.schema))}`)
    .join('&');
  return `$LEAN_SAAS_URL/api/v1${filled}${query ? `?${query}` : ''}`;
}

export function curlSample(endpoint: Endpoint): string {
  const lines = [
    `curl${endpoint.method === 'get' ? '' : ` -X ${endpoint.method.toUpperCase()}`} "${urlOf(endpoint)}"`,
  ];
  if (keyScopes(endpoint.operation)) lines.push('-H "Authorization: Bearer $LEAN_SAAS_API_KEY"');
  const body = bodySchemaOf(endpoint);
  if (body) {
    lines.push("-H 'content-type: application/json'");
    lines.push(`-d '${JSON.stringify(exampleOf(body))}'`);
  }
  return lines.join(' \\\n  ');
}

/**
 * The same call through the typed tRPC client (examples/trpc-client.ts): the
 * operation id names the procedure (`organizations-members` is
 * `organizations.members`), and path, query and body fields are one input object.
 */
export function typescriptSample(endpoint: Endpoint): string {
  const procedure = endpoint.id.replaceAll('-', '.');
  const input: Record<string, unknown> = {};
  for (const parameter of endpoint.operation.parameters ?? []) {
    if (parameter.in === 'path') input[parameter.name] = `<${parameter.name}>`;
    else if (parameter.required) input[parameter.name] = exampleOf(parameter.schema);
  }
  Object.assign(input, exampleOf(bodySchemaOf(endpoint)) ?? {});
  const argument = Object.keys(input).length ? JSON.stringify(input, null, 2) : '';
  const call = endpoint.method === 'get' ? 'query' : 'mutate';
  return `const result = await api.${procedure}.${call}(${argument});`;
}
