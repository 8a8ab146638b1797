import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { UserSearch } from './user-search';

export const metadata: Metadata = { title: 'Users · Admin' };

export default async function AdminUsersPage() {
  await requireAdmin('/admin/users');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Users</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Everyone with an account, newest first. Search by part of an email address, a plan or the
          state of a subscription.
        </p>
      </div>
      <UserSearch />
    </div>
  );
}
