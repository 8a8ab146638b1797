import type { Metadata } from 'next';

import { pageCaller, requireUser } from '@/server/page-session';

import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  await requireUser('/dashboard/profile');
  const me = await (await pageCaller()).me.get();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Profile</h1>
      <ProfileForm displayName={me.displayName ?? ''} avatarUrl={me.avatarUrl ?? ''} />
    </div>
  );
}
