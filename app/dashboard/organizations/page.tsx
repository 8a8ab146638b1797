import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { Organizations } from './organizations';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage() {
  await requireUser('/dashboard/organizations');
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Organizations</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Your personal workspace is yours alone. Create a team to work with others: invite them by
          email and give each a role.
        </p>
      </div>
      <Organizations />
    </div>
  );
}
