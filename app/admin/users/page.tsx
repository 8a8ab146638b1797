import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { UserSearch } from './user-search';

export const metadata: Metadata = { title: 'Users · Admin' };

export default async function AdminUsersPage() {
  await requireAdmin('/admin/users');
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account, newest first. Search by part of an email address, a plan or the state of a subscription."
      />
      <UserSearch />
    </>
  );
}
