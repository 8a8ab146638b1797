import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireUser } from '@/server/page-session';

import { planNames } from '../../../../billing/plan-summaries';

import { TeamCheckoutDone } from './team-checkout-done';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations');
  return { title: t('checkoutDone.metaTitle') };
}

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Where Stripe sends the browser back after a team's checkout. */
export default async function TeamCheckoutSuccessPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { session_id: sessionId } = await searchParams;
  const id = typeof sessionId === 'string' ? sessionId : '';
  const path = `/dashboard/organizations/${encodeURIComponent(slug)}/billing/success`;
  await requireUser(id ? `${path}?session_id=${encodeURIComponent(id)}` : path);
  return <TeamCheckoutDone slug={slug} sessionId={id} planNames={await planNames()} />;
}
