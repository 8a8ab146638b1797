import { getDb } from '@/db/client';
import { billingFromEnv } from '@/server/billing/stripe-client';
import { createStripeWebhookHandler } from '@/server/billing/webhook-route';

export const dynamic = 'force-dynamic';

export const POST = createStripeWebhookHandler({ getDb, billing: billingFromEnv });
