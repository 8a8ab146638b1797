export const PERMISSIONS = [
  'profile:read',
  'profile:write',
  'api-keys:read',
  'api-keys:write',
  'billing:read',
  'billing:write',
  'audit:read',
  'metrics:read',
  'admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Role = 'user' | 'admin';

// What only admins hold; a user holds every other permission.
const ADMIN_ONLY: readonly Permission[] = ['metrics:read', 'admin'];
const USER = PERMISSIONS.filter((permission) => !ADMIN_ONLY.includes(permission));

/** The one place roles become permissions. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  user: USER,
  admin: PERMISSIONS,
};
