import type { Tx } from '@/db/types';
import { planInTx } from '@/server/billing/entitlements';
import { entitlementsOf, PLANS } from '@/server/billing/plans';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

/**
 * The member cap of the organization's plan (the free plan's; paid plans bill per
 * member instead). `counted` is what would hold seats after the change: members, plus
 * open invitations when inviting, so a free team cannot invite past its cap and then
 * find the invitees refused at the door.
 */
export async function assertRoomFor(
  tx: Tx,
  organizationId: string,
  counted: number,
  when: 'invite' | 'join',
) {
  const plan = await planInTx(tx, organizationId);
  const cap = entitlementsOf(plan).members;
  if (counted <= cap) return;
  const name = PLANS[plan].name;
  throw new AppError(
    'FORBIDDEN',
    said(when === 'invite' ? 'organizations.capOnInvite' : 'organizations.capOnJoin', {
      plan: name,
      cap,
    }),
    { limit: cap, reason: 'member-cap' },
  );
}
