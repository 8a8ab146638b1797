import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { acceptInvitationInput } from '@/server/organizations/schemas';
import { getPageIdentity } from '@/server/page-session';

import { AcceptInvitation } from './accept-invitation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitations.accept');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const t = await getTranslations('invitations.accept');
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <CardContent className="space-y-4">
          <InvitationStep token={token} />
        </CardContent>
      </Card>
    </div>
  );
}

async function InvitationStep({ token }: { token: string | string[] | undefined }) {
  const t = await getTranslations('invitations.accept');
  if (!acceptInvitationInput.shape.token.safeParse(token).success) {
    return <p role="alert">{t('invalidLink')}</p>;
  }
  const here = `/invitations/accept?token=${token as string}`;
  const identity = await getPageIdentity();
  if (identity.kind !== 'user') {
    return (
      <>
        <p>
          {t.rich('signInFirst', {
            link: (chunks) => (
              <Link href="/sign-up" className="underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <Button asChild>
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>{t('signInToAccept')}</Link>
        </Button>
      </>
    );
  }
  // Accepting takes a click, so mail scanners that open links accept nothing.
  return <AcceptInvitation token={token as string} />;
}
