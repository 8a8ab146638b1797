// The pipeline's idea of a caller, shared by every module: who (Identity), what
// they may do (Permission, from their role), and how a request becomes one.
export {
  ANONYMOUS,
  type ActingOrganization,
  type Identity,
  type SecondFactor,
  type SignedIn,
} from './identity';
export {
  adminLacksSecondFactor,
  assertAdminSecondFactor,
  requireRecentSecondFactor,
} from './assurance';
export { PERMISSIONS, ROLE_PERMISSIONS, type Permission, type Role } from './permissions';
export { resolveIdentity, type Identifier } from './resolve';
export {
  ORGANIZATION_PERMISSIONS,
  ORGANIZATION_ROLE_PERMISSIONS,
  roleAllows,
  type OrganizationPermission,
  type OrganizationRole,
} from './organization-roles';
