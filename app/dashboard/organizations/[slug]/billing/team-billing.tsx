'use client';

import Link from 'next/link';

import { BillingOverview, type PlanSummary } from '../../../billing/billing-overview';
import { teamFallback, useTeam } from '../../use-team';

export function TeamBilling({
  slug,
  plans,
  billingConfigured,
}: {
  slug: string;
  plans: PlanSummary[];
  billingConfigured: boolean;
}) {
  const found = useTeam(slug);
  const { team } = found;
  if (!team) return teamFallback(found);
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Billing of {team.name}</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          The team’s plan, billed per member: every member is a seat, and the subscription follows
          as people join and leave.{' '}
          <Link href={`/dashboard/organizations/${team.slug}`} className="underline">
            Back to {team.name}
          </Link>
        </p>
      </div>
      {team.role === 'member' ? (
        <p role="alert">Your role (member) does not include billing: ask an owner or admin.</p>
      ) : (
        <BillingOverview
          plans={plans}
          billingConfigured={billingConfigured}
          organizationId={team.id}
        />
      )}
    </div>
  );
}
