import type { Metadata } from 'next';

import { ConfirmEmail } from './confirm-email';

export const metadata: Metadata = { title: 'Confirm your email' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, type } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your email</h1>
      {/* Confirming takes a click, so mail scanners that open links confirm nothing. */}
      <ConfirmEmail
        token={typeof token === 'string' ? token : ''}
        // Supabase Auth's links name their kind; the built-in provider's do not need to.
        type={type === 'email' || type === 'email_change' ? type : undefined}
      />
    </div>
  );
}
