import type { Metadata } from 'next';

import { PageHeader } from '@/app/_components/ui/page-header';
import { requireAdmin } from '@/server/page-session';

import { TeamSearch } from './team-search';

export const metadata: Metadata = { title: 'Organizations · Admin' };

export default async function AdminOrganizationsPage() {
  await requireAdmin('/admin/organizations');
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Teams, newest first, with their members and owners. Search by part of a name or slug. (Every account also has a personal workspace; the users list shows those.)"
      />
      <TeamSearch />
    </>
  );
}
