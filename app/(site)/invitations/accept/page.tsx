import type { Metadata } from 'next';
import Link from 'next/link';

import { acceptInvitationInput } from '@/server/organizations/schemas';
import { getPageIdentity } from '@/server/page-session';

import { AcceptInvitation } from './accept-invitation';

export const metadata: Metadata = { title: 'Accept an invitation' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClass = 'text-indigo-600 underline dark:text-indigo-400';

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const heading = <h1 className="text-3xl font-bold tracking-tight">Join an organization</h1>;
  if (!acceptInvitationInput.shape.token.safeParse(token).success) {
    return (
      <div className="space-y-6">
        {heading}
        <p role="alert" className="max-w-prose">
          This invitation link is not valid: it may have been cut short when it was copied. Open it
          again from the email.
        </p>
      </div>
    );
  }
  const here = `/invitations/accept?token=${token as string}`;
  const identity = await getPageIdentity();
  if (identity.kind !== 'user') {
    return (
      <div className="space-y-6">
        {heading}
        <p className="max-w-prose">
          Sign in with the address this invitation was sent to, then accept it here. No account yet?{' '}
          <Link href="/sign-up" className={linkClass}>
            Create one
          </Link>{' '}
          with that address, confirm it, and open the invitation link again.
        </p>
        <Link
          href={`/sign-in?next=${encodeURIComponent(here)}`}
          className="inline-block rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
        >
          Sign in to accept
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {heading}
      {/* Accepting takes a click, so mail scanners that open links accept nothing. */}
      <AcceptInvitation token={token as string} />
    </div>
  );
}
