'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useEffect, useRef } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';
import type { Plan } from '@/server/billing/plans';

// The server's rule (server/billing/schemas.ts), checked here to skip a doomed call.
const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

const headingClass = 'text-3xl font-bold tracking-tight';
const linkClass = 'text-indigo-600 underline dark:text-indigo-400';

function Failure({ message }: { message: string }) {
  return (
    <div className="space-y-4">
      <h1 className={headingClass}>We could not confirm your checkout</h1>
      <p role="alert" className="text-red-600 dark:text-red-400">
        {message}
      </p>
      <p>
        <Link href="/pricing" className={linkClass}>
          Back to pricing
        </Link>
      </p>
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
    return <Failure message="This page needs the checkout session Stripe sends you back with." />;
  }
  if (confirm.isError) {
    return (
      <Failure
        message={
          confirm.error.data?.code === 'NOT_FOUND'
            ? 'We could not find that checkout session on your account.'
            : confirm.error.message
        }
      />
    );
  }
  if (!confirm.isSuccess) {
    return (
      <div className="space-y-4">
        <h1 className={headingClass}>Checkout</h1>
        <p role="status">Confirming your payment…</p>
      </div>
    );
  }

  const { plan, usage } = confirm.data;
  return (
    <div className="space-y-4">
      {plan === 'free' ? (
        <>
          <h1 className={headingClass}>Your payment is still processing</h1>
          <p role="status">Your plan changes as soon as Stripe confirms the payment.</p>
        </>
      ) : (
        <>
          <h1 className={headingClass}>You are on the {planNames[plan]} plan</h1>
          <p role="status">
            Thank you. You can now have {usage.apiKeys.limit ?? 'unlimited'} active API keys.
          </p>
        </>
      )}
      <ul className="flex flex-wrap gap-6">
        <li>
          <Link href={billingHref} className={linkClass}>
            Go to billing
          </Link>
        </li>
        <li>
          <Link href={apiKeysHref} className={linkClass}>
            Create an API key
          </Link>
        </li>
      </ul>
    </div>
  );
}
