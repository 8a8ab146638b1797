'use client';

import Link from 'next/link';

import { Button } from '@/app/_components/ui/button';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';

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
      <PageHeader
        title={`Billing of ${team.name}`}
        description="The team’s plan, billed per member: every member is a seat, and the subscription follows as people join and leave."
        actions={
          <Button asChild variant="outline">
            <Link href={`/dashboard/organizations/${team.slug}`}>Back to {team.name}</Link>
          </Button>
        }
      />
      {team.role === 'member' ? (
        <ErrorState title="Your role (member) does not include billing: ask an owner or admin." />
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
