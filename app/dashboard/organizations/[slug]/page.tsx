import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { Team } from './team';

export const metadata: Metadata = { title: 'Team' };

/**
 * One team, named by its slug in the URL: what a page acts in is the address, so two
 * tabs on two organizations never interfere.
 */
export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/dashboard/organizations/${encodeURIComponent(slug)}`);
  return <Team slug={slug} userId={user.userId} />;
}
