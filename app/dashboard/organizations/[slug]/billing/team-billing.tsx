'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

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
  const t = useTranslations('organizations');
  const found = useTeam(slug);
  const { team } = found;
  if (!team) return teamFallback(found);
  return (
    <div className="space-y-10">
      <PageHeader
        title={t('billing.title', { team: team.name })}
        description={t('billing.description')}
        actions={
          <Button asChild variant="outline">
            <Link href={`/dashboard/organizations/${team.slug}`}>
              {t('billing.back', { team: team.name })}
            </Link>
          </Button>
        }
      />
      {team.role === 'member' ? (
        <ErrorState title={t('billing.notForMembers')} />
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
