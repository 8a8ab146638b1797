import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { TeamSearch } from './team-search';

export const metadata: Metadata = { title: 'Organizations · Admin' };

export default async function AdminOrganizationsPage() {
  await requireAdmin('/admin/organizations');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Organizations</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Teams, newest first, with their members and owners. Search by part of a name or slug.
          (Every account also has a personal workspace; the users list shows those.)
        </p>
      </div>
      <TeamSearch />
    </div>
  );
}
