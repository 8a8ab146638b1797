import type { Metadata } from 'next';
import Link from 'next/link';

import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="max-w-prose">
        Enter the email address of your account and we will send you a link to choose a new
        password. The link works once, for one hour.
      </p>
      <ForgotPasswordForm />
      <p className="text-sm">
        Remembered it?{' '}
        <Link href="/sign-in" className="text-indigo-600 underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
