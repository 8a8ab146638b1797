-- Billing state is written only by the service path (checkout, webhooks, sync):
-- the API roles may read their own rows (RLS) and change nothing.
REVOKE INSERT, UPDATE, DELETE ON public.billing_accounts FROM anon, authenticated;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON public.subscriptions FROM anon, authenticated;
--> statement-breakpoint
REVOKE ALL ON public.stripe_events FROM anon, authenticated;
