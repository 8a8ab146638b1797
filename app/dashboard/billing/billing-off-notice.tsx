import { AlertTriangleIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

/**
 * Shown instead of any purchase button when the deployment has no Stripe
 * (billingFromEnv() is null): every billing call would answer 503.
 */
export function BillingOffNotice() {
  const t = useTranslations('billing');
  return (
    <p
      role="note"
      className="flex gap-2 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{t.rich('offNotice', { strong: (chunks) => <strong>{chunks}</strong> })}</span>
    </p>
  );
}
