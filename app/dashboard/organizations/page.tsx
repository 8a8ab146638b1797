import type { Metadata } from 'next';

import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireUser } from '@/server/page-session';

import { Organizations } from './organizations';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage() {
  await requireUser('/dashboard/organizations');
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Your personal workspace is yours alone. Create a team to work with others: invite them by email and give each a role."
        actions={
          <Button asChild>
            <a href="#create-a-team">New team</a>
          </Button>
        }
      />
      <Organizations />
    </>
  );
}
