import type { Metadata } from 'next';

import { requireUser } from '@/server/page-session';

import { Team } from './team';

// The team's address in the title, so that two tabs on two teams tell apart.
export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  return { title: (await params).slug };
}

/**
 * One team, named by its slug in the URL: what a page acts in is the address, so two
 * tabs on two organizations never interfere.
 */
export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/dashboard/organizations/${encodeURIComponent(slug)}`);
  return <Team slug={slug} userId={user.userId} />;
}
