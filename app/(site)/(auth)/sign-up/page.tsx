import type { Metadata } from 'next';
import Link from 'next/link';

import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { CredentialsForm } from '../_components/credentials-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="text-slate-600 dark:text-slate-300">
        At least 8 characters; a passphrase of a few words is both strong and easy to remember.
      </p>
      <CredentialsForm
        mode="sign-up"
        mailboxUrl={devMailboxEnabled() ? '/dev/mailbox' : undefined}
      />
      <p className="text-sm">
        Already have an account?{' '}
        <Link href="/sign-in" className="text-indigo-600 underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
