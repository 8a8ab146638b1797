import type { Metadata } from 'next';

import { TextLink } from '@/app/_components/ui/text-link';

import { verifyEmailInput } from '@/server/auth/schemas';

import { ConfirmEmail } from './confirm-email';

export const metadata: Metadata = { title: 'Confirm your email' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, type } = await searchParams;
  if (!verifyEmailInput.shape.token.safeParse(token).success) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">Confirm your email</h1>
        <p role="alert" className="max-w-prose">
          This confirmation link is not valid: it may have been cut short when it was copied. Open
          it again from the email, or <TextLink href="/sign-in">sign in</TextLink> to have a new one
          sent.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your email</h1>
      {/* Confirming takes a click, so mail scanners that open links confirm nothing. */}
      <ConfirmEmail
        token={token as string}
        // Supabase Auth's links name their kind; the built-in provider's do not need to.
        type={type === 'email' || type === 'email_change' ? type : undefined}
      />
    </div>
  );
}
