import type { Metadata } from 'next';

import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <p className="text-muted-foreground">
        At least 8 characters; a few unrelated words make a strong one. Every device signed in to
        your account will be signed out.
      </p>
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </div>
  );
}
