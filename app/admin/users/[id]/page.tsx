import type { Metadata } from 'next';

import { requireAdmin } from '@/server/page-session';

import { UserDetail } from './user-detail';

export const metadata: Metadata = { title: 'User · Admin' };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/users/${encodeURIComponent(id)}`);
  return <UserDetail userId={id} />;
}
