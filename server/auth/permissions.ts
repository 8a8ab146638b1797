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

const USER: readonly Permission[] = [
  'profile:read',
  'profile:write',
  'api-keys:read',
  'api-keys:write',
  'billing:read',
  'billing:write',
  'audit:read',
];

/** The one place roles become permissions. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  user: USER,
  admin: [...USER, 'metrics:read', 'admin'],
};
