import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requireUser } from '@/server/page-session';

import { planNames } from '../plan-summaries';

import { ConfirmCheckout } from './confirm-checkout';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing.success');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const { session_id: sessionId } = await searchParams;
  const id = typeof sessionId === 'string' ? sessionId : '';
  const path = '/dashboard/billing/success';
  await requireUser(id ? `${path}?session_id=${encodeURIComponent(id)}` : path);
  return <ConfirmCheckout sessionId={id} planNames={await planNames()} />;
}
