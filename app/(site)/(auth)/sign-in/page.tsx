import type { Metadata } from 'next';

import { TextLink } from '@/app/_components/ui/text-link';

import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { CredentialsForm } from '../_components/credentials-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <CredentialsForm mode="sign-in" next={typeof next === 'string' ? next : undefined} />
      {devMailboxEnabled() && (
        <p className="text-sm">
          Just signed up? This app runs locally, so your confirmation link is in the{' '}
          <TextLink href="/dev/mailbox">dev mailbox</TextLink>.
        </p>
      )}
      <p className="text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
      </p>
      <p className="text-sm">
        New here? <TextLink href="/sign-up">Create an account</TextLink>
      </p>
    </div>
  );
}
