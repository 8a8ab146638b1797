-- Billing state is written only by the service path (checkout, webhooks, sync):
-- the API roles may read their own rows (RLS) and nothing else. REVOKE ALL, not
-- just the writes: Supabase grants TRUNCATE too, which RLS does not govern.
REVOKE ALL ON public.billing_accounts FROM anon, authenticated;
--> statement-breakpoint
GRANT SELECT ON public.billing_accounts TO authenticated;
--> statement-breakpoint
REVOKE ALL ON public.subscriptions FROM anon, authenticated;
--> statement-breakpoint
GRANT SELECT ON public.subscriptions TO authenticated;
--> statement-breakpoint
REVOKE ALL ON public.stripe_events FROM anon, authenticated;
