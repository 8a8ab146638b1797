'use client';

import type { Plan } from '@/server/billing/plans';

import { ConfirmCheckout } from '../../../../billing/success/confirm-checkout';
import { teamFallback, useTeam } from '../../../use-team';

export function TeamCheckoutDone({
  slug,
  sessionId,
  planNames,
}: {
  slug: string;
  sessionId: string;
  planNames: Record<Plan, string>;
}) {
  const found = useTeam(slug);
  const { team } = found;
  if (!team) return teamFallback(found);
  return (
    <ConfirmCheckout
      sessionId={sessionId}
      planNames={planNames}
      organizationId={team.id}
      billingHref={`/dashboard/organizations/${team.slug}/billing`}
      apiKeysHref={`/dashboard/organizations/${team.slug}`}
    />
  );
}
