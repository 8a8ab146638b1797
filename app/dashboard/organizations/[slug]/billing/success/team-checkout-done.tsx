'use client';

import type { Plan } from '@/server/billing/plans';

import { ConfirmCheckout } from '../../../../billing/success/confirm-checkout';
import { NoSuchTeam, useTeam } from '../../../use-team';

export function TeamCheckoutDone({
  slug,
  sessionId,
  planNames,
}: {
  slug: string;
  sessionId: string;
  planNames: Record<Plan, string>;
}) {
  const { team, pending, failed } = useTeam(slug);
  if (pending) return <p>Loading…</p>;
  if (failed) return <p role="alert">Could not load your organizations.</p>;
  if (!team) return <NoSuchTeam />;
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
