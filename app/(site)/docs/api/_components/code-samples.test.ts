import { describe, expect, it } from 'vitest';

import { getOpenApiDocument } from '@/server/adapters/openapi';
import { appRouter } from '@/server/root';

import { curlSample, typescriptSample } from './code-samples';
import { groupByTag } from './operations';

const endpoints = groupByTag(getOpenApiDocument().paths ?? {}).flatMap((group) => group.endpoints);
const find = (method: string, path: string) =>
  endpoints.find((endpoint) => endpoint.method === method && endpoint.path === path)!;

describe('API reference samples', () => {
  it('name a real procedure, called as a query for GET and a mutation otherwise', () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string } }
    >;
    expect(endpoints.length).toBeGreaterThan(40);
    for (const endpoint of endpoints) {
      const call = typescriptSample(endpoint).match(/api\.([\w.]+)\.(query|mutate)\(/);
      expect(call, endpoint.id).not.toBeNull();
      const procedure = procedures[call![1]!];
      expect(procedure, `${endpoint.id} → ${call![1]}`).toBeDefined();
      expect(procedure!._def.type).toBe(call![2] === 'query' ? 'query' : 'mutation');
    }
  });

  it('send the key only where a key may call, and the smallest valid body', () => {
    const me = curlSample(find('get', '/me'));
    expect(me).toBe(
      'curl "$LEAN_SAAS_URL/api/v1/me" \\\n  -H "Authorization: Bearer $LEAN_SAAS_API_KEY"',
    );

    const signUp = curlSample(find('post', '/auth/sign-up'));
    expect(signUp).not.toContain('Authorization');
    const body = JSON.parse(signUp.match(/-d '(.*)'/)![1]!);
    expect(Object.keys(body).sort()).toEqual(['email', 'password']);
  });

  it('put path parameters in the URL and in the typed input', () => {
    const members = find('get', '/organizations/{organizationId}/members');
    expect(curlSample(members)).toContain('/api/v1/organizations/<organizationId>/members"');
    expect(typescriptSample(members)).toBe(
      'const result = await api.organizations.members.query({\n  "organizationId": "<organizationId>"\n});',
    );
  });
});
