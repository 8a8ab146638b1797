/**
 * Shown instead of any purchase button when the deployment has no Stripe
 * (billingFromEnv() is null): every billing call would answer 503.
 */
export function BillingOffNotice() {
  return (
    <p
      role="note"
      className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <strong>Billing is not configured on this deployment.</strong> Plans cannot be bought or
      changed here until its operator sets STRIPE_SECRET_KEY.
    </p>
  );
}
