import type { Metadata } from 'next';

import { defaultAuthProvider } from '@/server/auth/default-provider';
import { requireUser } from '@/server/page-session';

import { SessionList } from './session-list';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  await requireUser('/dashboard/sessions');
  const listed = (await defaultAuthProvider()).kind === 'built-in';
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sessions</h1>
      {listed ? (
        <p className="text-slate-600 dark:text-slate-300">
          Everywhere you are signed in. Revoke anything you do not recognise.
        </p>
      ) : (
        <p className="text-slate-600 dark:text-slate-300">
          Accounts are kept by Supabase Auth, which does not list sessions to the app, so there is
          no list here. You can still sign out every other device at once; they stay signed in until
          their current access token expires (an hour at most, by default).
        </p>
      )}
      <SessionList listed={listed} />
    </div>
  );
}
