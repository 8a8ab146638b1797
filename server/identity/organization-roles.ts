/**
 * What a member may do inside one organization, by role: the one table. Postgres
 * keeps tenants apart (RLS on the acting organization); these decide, within one,
 * which calls a role may make.
 */
export const ORGANIZATION_PERMISSIONS = [
  'members:read',
  'members:write',
  'invitations:write',
  'api-keys:read',
  'api-keys:write',
  'billing:read',
  'billing:write',
  'audit:read',
  'organization:write',
  'organization:delete',
] as const;

export type OrganizationPermission = (typeof ORGANIZATION_PERMISSIONS)[number];
export type OrganizationRole = 'owner' | 'admin' | 'member' | 'billing';

export const ORGANIZATION_ROLE_PERMISSIONS: Record<
  OrganizationRole,
  readonly OrganizationPermission[]
> = {
  owner: ORGANIZATION_PERMISSIONS,
  admin: ORGANIZATION_PERMISSIONS.filter((permission) => permission !== 'organization:delete'),
  member: ['members:read', 'api-keys:read', 'api-keys:write'],
  billing: ['members:read', 'billing:read', 'billing:write'],
};

export const roleAllows = (role: OrganizationRole, permission: OrganizationPermission) =>
  ORGANIZATION_ROLE_PERMISSIONS[role].includes(permission);
