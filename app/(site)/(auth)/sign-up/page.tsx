import type { Metadata } from 'next';

import { TextLink } from '@/app/_components/ui/text-link';

import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { CredentialsForm } from '../_components/credentials-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
      <p className="text-muted-foreground">
        At least 8 characters; a passphrase of a few words is both strong and easy to remember.
      </p>
      <CredentialsForm
        mode="sign-up"
        mailboxUrl={devMailboxEnabled() ? '/dev/mailbox' : undefined}
      />
      <p className="text-sm">
        Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </div>
  );
}
