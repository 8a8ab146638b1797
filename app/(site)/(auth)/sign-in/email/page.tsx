import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { TextLink } from '@/app/_components/ui/text-link';

import { signInWithEmailLinkInput } from '@/server/auth/schemas';

import { EmailLinkSignIn } from './email-link-sign-in';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.emailLink');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a sign-in mail's link lands. */
export default async function EmailLinkPage({ searchParams }: Props) {
  const t = await getTranslations('auth.emailLink');
  const { token, type } = await searchParams;
  const valid = signInWithEmailLinkInput.shape.token.safeParse(token).success;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      {valid ? (
        <>
          <p className="text-muted-foreground">{t('intro')}</p>
          {/* Signing in takes a click: mail scanners that open links sign nobody in. */}
          <EmailLinkSignIn
            token={token as string}
            // Supabase Auth's links may name their kind; the built-in provider's do not.
            type={type === 'email' || type === 'magiclink' ? type : undefined}
          />
        </>
      ) : (
        <p role="alert" className="max-w-prose">
          {t.rich('invalidLink', {
            link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
          })}
        </p>
      )}
    </div>
  );
}
