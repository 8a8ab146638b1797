import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { SessionList } from './session-list';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  await requireUser('/dashboard/sessions');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sessions</h1>
      <p className="text-slate-600 dark:text-slate-300">
        Everywhere you are signed in. Revoke anything you do not recognise.
      </p>
      <SessionList />
    </div>
  );
}
