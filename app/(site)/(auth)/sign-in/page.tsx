import type { Metadata } from 'next';
import Link from 'next/link';

import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { CredentialsForm } from '../_components/credentials-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <CredentialsForm mode="sign-in" next={typeof next === 'string' ? next : undefined} />
      {devMailboxEnabled() && (
        <p className="text-sm">
          Just signed up? This app runs locally, so your confirmation link is in the{' '}
          <Link href="/dev/mailbox" className="text-indigo-600 underline dark:text-indigo-400">
            dev mailbox
          </Link>
          .
        </p>
      )}
      <p className="text-sm">
        <Link href="/forgot-password" className="text-indigo-600 underline dark:text-indigo-400">
          Forgot your password?
        </Link>
      </p>
      <p className="text-sm">
        New here?{' '}
        <Link href="/sign-up" className="text-indigo-600 underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
    </div>
  );
}
