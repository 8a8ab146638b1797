'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

import { FormMessage } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { useFormOutcome } from '@/app/_components/use-form-outcome';
import type { Interval, PaidPlan } from '@/server/billing/plans';

// Stripe's pages are on another origin, so this is a full navigation, not router.push.
const goTo = ({ url }: { url: string }) => window.location.assign(url);

/**
 * A button that starts one redirect at a time. React Query reports `isPending` a
 * tick after `mutate`, so a fast double click could start two; the ref refuses
 * the second click at once, and the state disables the button until the request
 * fails (success leaves the page).
 */
function useRedirectStart() {
  const busy = useRef(false);
  const [started, setStarted] = useState(false);
  const { outcome, clear, failed } = useFormOutcome();
  return {
    started,
    outcome,
    start(run: () => void) {
      if (busy.current) return;
      busy.current = true;
      setStarted(true);
      clear();
      run();
    },
    failed(error: { message: string }) {
      busy.current = false;
      setStarted(false);
      failed(error);
    },
  };
}

/**
 * Opens the Stripe customer portal: change plan, cancel, update the card, invoices.
 * `organizationId`: a team's billing; without it, the personal workspace's.
 */
export function ManageBillingButton({
  label,
  organizationId,
}: {
  /** The button's words; "Manage billing" when left out. */
  label?: string;
  organizationId?: string;
}) {
  const t = useTranslations('billing.actions');
  const trpc = useTRPC();
  const action = useRedirectStart();
  const handlers = { onSuccess: goTo, onError: action.failed };
  const personal = useMutation(trpc.billing.portal.mutationOptions(handlers));
  const team = useMutation(trpc.organizations.billingPortal.mutationOptions(handlers));
  const open = () => (organizationId ? team.mutate({ organizationId }) : personal.mutate());
  return (
    <div className="space-y-2">
      <Button variant="outline" onClick={() => action.start(open)} disabled={action.started}>
        {label ?? t('manageBilling')}
      </Button>
      {action.started && (
        <p role="status" className="text-sm text-muted-foreground">
          {t('openingPortal')}
        </p>
      )}
      <FormMessage outcome={action.outcome} />
    </div>
  );
}

/**
 * Starts a Stripe Checkout for a paid plan; its accessible name is always `label`.
 * `offerPortal`: on a conflict, show a Manage billing button here (false where the
 * page already shows one).
 */
export function UpgradeButton({
  plan,
  interval,
  label,
  offerPortal,
  organizationId,
}: {
  plan: PaidPlan;
  interval: Interval;
  label: string;
  offerPortal: boolean;
  /** A team's checkout (a seat per member); without it, the personal workspace's. */
  organizationId?: string;
}) {
  const t = useTranslations('billing.actions');
  const trpc = useTRPC();
  const action = useRedirectStart();
  const handlers = { onSuccess: goTo, onError: action.failed };
  const personal = useMutation(trpc.billing.checkout.mutationOptions(handlers));
  const team = useMutation(trpc.organizations.checkout.mutationOptions(handlers));
  const checkout = organizationId ? team : personal;
  const start = () =>
    organizationId
      ? team.mutate({ organizationId, plan, interval })
      : personal.mutate({ plan, interval });
  // Someone who already pays changes plan in the portal; checkout refuses with 409.
  const alreadyPays = checkout.error?.data?.code === 'CONFLICT';
  return (
    <div className="space-y-2">
      <Button onClick={() => action.start(start)} disabled={action.started}>
        {label}
      </Button>
      {action.started && (
        <p role="status" className="text-sm text-muted-foreground">
          {t('openingCheckout')}
        </p>
      )}
      <FormMessage outcome={action.outcome} />
      {alreadyPays && offerPortal && <ManageBillingButton organizationId={organizationId} />}
    </div>
  );
}
