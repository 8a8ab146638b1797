'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheckIcon, ClockIcon, LoaderCircleIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardFooter } from '@/app/_components/ui/card';
import { ErrorState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import type { Plan } from '@/server/billing/plans';

// The server's rule (server/billing/schemas.ts), checked here to skip a doomed call.
const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

function Failure({ message }: { message: string }) {
  const t = useTranslations('billing.success');
  return (
    <div>
      <PageHeader title={t('failedTitle')} />
      <div className="space-y-4">
        <ErrorState title={message} />
        <Button variant="outline" asChild>
          <Link href="/pricing">{t('backToPricing')}</Link>
        </Button>
      </div>
    </div>
  );
}

/**
 * Confirms the checkout Stripe sent the browser back from: the personal workspace's,
 * or with `organizationId` a team's (whose billing page is `billingHref`).
 */
export function ConfirmCheckout({
  sessionId,
  planNames,
  organizationId,
  billingHref = '/dashboard/billing',
  apiKeysHref = '/dashboard/api-keys',
}: {
  sessionId: string;
  planNames: Record<Plan, string>;
  organizationId?: string;
  billingHref?: string;
  /** Where this organization's keys are made (a team's on its own page). */
  apiKeysHref?: string;
}) {
  const t = useTranslations('billing.success');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () =>
    queryClient.invalidateQueries({
      queryKey: organizationId
        ? trpc.organizations.billing.queryKey({ organizationId })
        : trpc.billing.subscription.queryKey(),
    });
  const personal = useMutation(trpc.billing.confirmCheckout.mutationOptions({ onSuccess }));
  const team = useMutation(trpc.organizations.confirmCheckout.mutationOptions({ onSuccess }));
  const confirm = organizationId ? team : personal;
  const valid = SESSION_ID.test(sessionId);
  const mutate = useCallback(
    (input: { sessionId: string }) =>
      organizationId ? team.mutate({ ...input, organizationId }) : personal.mutate(input),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mutate functions are stable
    [organizationId, team.mutate, personal.mutate],
  );
  // StrictMode runs effects twice in development; the ref survives, so we confirm once.
  const started = useRef(false);
  useEffect(() => {
    if (!valid || started.current) return;
    started.current = true;
    mutate({ sessionId });
  }, [valid, sessionId, mutate]);

  if (!valid) {
    return <Failure message={t('noSession')} />;
  }
  if (confirm.isError) {
    return (
      <Failure
        message={
          confirm.error.data?.code === 'NOT_FOUND'
            ? t('notFound')
            : // The server's own words (English).
              confirm.error.message
        }
      />
    );
  }
  if (!confirm.isSuccess) {
    return (
      <div>
        <PageHeader title={t('checkout')} />
        <Card>
          <CardContent>
            <p role="status" className="flex items-center gap-2 text-sm">
              <LoaderCircleIcon aria-hidden className="size-4 animate-spin" />
              {t('confirming')}
            </p>
          </CardContent>
        </Card>
      </div>
    );
  }

  const { plan, usage } = confirm.data;
  const paid = plan !== 'free';
  return (
    <div>
      <PageHeader title={paid ? t('paidTitle', { plan: planNames[plan] }) : t('processingTitle')} />
      <Card>
        <CardContent className="flex items-start gap-3">
          {paid ? (
            <CircleCheckIcon
              aria-hidden
              className="size-5 shrink-0 text-emerald-600 dark:text-emerald-400"
            />
          ) : (
            <ClockIcon aria-hidden className="size-5 shrink-0 text-muted-foreground" />
          )}
          <p role="status">
            {!paid
              ? t('processingText')
              : usage.apiKeys.limit === null
                ? t('paidTextUnlimited')
                : t('paidText', { limit: usage.apiKeys.limit })}
          </p>
        </CardContent>
        <CardFooter className="flex-wrap">
          <Button asChild>
            <Link href={billingHref}>{t('goToBilling')}</Link>
          </Button>
          <Button variant="outline" asChild>
            <Link href={apiKeysHref}>{t('createApiKey')}</Link>
          </Button>
        </CardFooter>
      </Card>
    </div>
  );
}
