import type { Metadata } from 'next';
import Link from 'next/link';

import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { acceptInvitationInput } from '@/server/organizations/schemas';
import { getPageIdentity } from '@/server/page-session';

import { AcceptInvitation } from './accept-invitation';

export const metadata: Metadata = { title: 'Accept an invitation' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Join an organization"
        description="An invitation asks you to join a team on Lean SaaS."
      />
      <Card>
        <CardContent className="space-y-4">
          <InvitationStep token={token} />
        </CardContent>
      </Card>
    </div>
  );
}

async function InvitationStep({ token }: { token: string | string[] | undefined }) {
  if (!acceptInvitationInput.shape.token.safeParse(token).success) {
    return (
      <p role="alert">
        This invitation link is not valid: it may have been cut short when it was copied. Open it
        again from the email.
      </p>
    );
  }
  const here = `/invitations/accept?token=${token as string}`;
  const identity = await getPageIdentity();
  if (identity.kind !== 'user') {
    return (
      <>
        <p>
          Sign in with the address this invitation was sent to, then accept it here. No account yet?{' '}
          <Link href="/sign-up" className="underline underline-offset-4">
            Create one
          </Link>{' '}
          with that address, confirm it, and open the invitation link again.
        </p>
        <Button asChild>
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in to accept</Link>
        </Button>
      </>
    );
  }
  // Accepting takes a click, so mail scanners that open links accept nothing.
  return <AcceptInvitation token={token as string} />;
}
