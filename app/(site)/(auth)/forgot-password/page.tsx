import type { Metadata } from 'next';

import { TextLink } from '@/app/_components/ui/text-link';

import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="text-muted-foreground">
        Enter the email address of your account and we will send you a link to choose a new
        password. The link works once, for one hour.
      </p>
      <ForgotPasswordForm />
      <p className="text-sm">
        Remembered it? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </div>
  );
}
