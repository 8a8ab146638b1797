import { ANONYMOUS_CLAIMS, type Claims } from '@/db/rls';

import type { OrganizationPermission, OrganizationRole } from './organization-roles';
import type { Permission } from './permissions';

/** The one organization an API key acts in, and what the key may do there now. */
export type ActingOrganization = {
  id: string;
  name: string;
  slug: string;
  /** The key's creator's personal workspace, rather than a team. */
  personal: boolean;
  /** The creator's role there today. */
  role: OrganizationRole;
  /** The key's scopes that this role still allows. */
  permissions: readonly OrganizationPermission[];
};

/** Who is calling, as the pipeline's authentication step established it. */
/** What a built-in session has proven beyond its sign-in (server/identity/assurance.ts). */
export type SecondFactor = {
  /** Whether the account has two-factor authentication on. */
  enabled: boolean;
  /** When this session last proved it. */
  verifiedAt: Date | null;
};

export type Identity =
  | {
      kind: 'anonymous';
      claims: Claims;
      /**
       * A signed-in session of an account with two-factor authentication, before its
       * second factor: anonymous to everything but the second-factor step and sign-out.
       */
      pendingSecondFactor?: { userId: string; sessionId: string };
    }
  | {
      kind: 'user';
      userId: string;
      /** Set when the caller signed in with a session (the built-in provider). */
      sessionId?: string;
      /** Set when an admin views the product as this user through a session (the admin). */
      impersonatorId?: string;
      /** Set when the caller authenticated with an API key rather than a session. */
      apiKeyId?: string;
      /**
       * Set with `apiKeyId`: where the key acts (also the `org_id` claim). A session
       * names its organization per call instead.
       */
      organization?: ActingOrganization;
      claims: Claims;
      /** Set for a built-in session: its two-factor state, for step-up and the admin area. */
      secondFactor?: SecondFactor;
      /** Account-level permissions; a team's key holds none (its are `organization`'s). */
      permissions: readonly Permission[];
    };

export type SignedIn = Extract<Identity, { kind: 'user' }>;

export const ANONYMOUS: Identity = { kind: 'anonymous', claims: ANONYMOUS_CLAIMS };
