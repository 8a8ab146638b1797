import { z } from 'zod';

import { INVITABLE_ROLES, ORGANIZATION_ROLES } from '@/db/schema/organizations';
import { text } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

// One line of text: it is shown in lists and in the subject of invitation emails.
const name = text('The organization name')
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'cannot contain line breaks or control characters');
const slug = text('The organization address')
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/,
    'must be 3 to 48 letters, digits or hyphens, not starting or ending with a hyphen',
  )
  // The shape personal workspaces' slugs take (migration 0018).
  .refine((value) => !value.startsWith('personal-'), 'cannot start with "personal-"');

export const organizationOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  personal: z.boolean(),
  /** The caller's role in it. */
  role: z.enum(ORGANIZATION_ROLES),
  createdAt: dateTime(),
});

/** An item of GET /organizations: the organization and how many members it has. */
export const organizationListItem = organizationOutput.extend({
  memberCount: z
    .number()
    .int()
    .min(1)
    .describe('Everyone in the organization, the caller included (1 for a personal workspace).'),
});

export const createOrganizationInput = z.object({ name, slug });
export const updateOrganizationInput = z
  .object({ name: name.optional(), slug: slug.optional() })
  .refine((input) => input.name !== undefined || input.slug !== undefined, {
    message: 'Send a new name or a new slug.',
  });
export const deleteOrganizationInput = z.object({
  /** The organization's slug, typed again: deleting a team cannot be undone. */
  confirm: text('The confirmation').max(100),
});

export const memberOutput = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ORGANIZATION_ROLES),
  joinedAt: dateTime(),
});
export const memberRef = z.object({ userId: z.uuid() });
export const changeRoleInput = z.object({ userId: z.uuid(), role: z.enum(ORGANIZATION_ROLES) });

export const invitationOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(INVITABLE_ROLES),
  invitedBy: z.uuid().nullable(),
  createdAt: dateTime(),
  expiresAt: dateTime(),
});
export const inviteInput = z.object({
  email: z.email('Invalid input: expected an email address').max(254),
  role: z.enum(INVITABLE_ROLES).default('member'),
});
export const invitationRef = z.object({ invitationId: z.uuid() });
export const acceptInvitationInput = z.object({
  token: text('The invitation token')
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'is not an invitation link’s token'),
});
export const acceptInvitationOutput = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  role: z.enum(ORGANIZATION_ROLES),
  /** False when the caller was already a member. */
  joined: z.boolean(),
});
