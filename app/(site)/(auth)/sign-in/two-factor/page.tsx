import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import { SignOutButton } from '@/app/_components/sign-out-button';
import { getPageIdentity } from '@/server/page-session';

import { SecondFactorSignIn } from './second-factor-sign-in';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.twoFactor');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** After the password (or a mailed link or code) of an account with two-factor on. */
export default async function SecondFactorPage({ searchParams }: Props) {
  const { next: nextParam } = await searchParams;
  const next = typeof nextParam === 'string' ? nextParam : undefined;
  const identity = await getPageIdentity();
  if (identity.kind === 'user') redirect('/dashboard');
  if (!identity.pendingSecondFactor) redirect('/sign-in');
  const t = await getTranslations('auth.twoFactor');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('intro')}</p>
      <SecondFactorSignIn next={next} />
      <p className="text-sm">
        <SignOutButton next="/sign-in" label={t('otherAccount')} />
      </p>
    </div>
  );
}
