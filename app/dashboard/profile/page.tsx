import type { Metadata } from 'next';

import { pageCaller, requireUser } from '@/server/page-session';

import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  await requireUser('/dashboard/profile');
  const me = await (await pageCaller()).me.get();
  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold tracking-tight">Profile</h1>
      <ProfileForm displayName={me.displayName ?? ''} avatarUrl={me.avatarUrl ?? ''} />
      <section className="space-y-4" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-xl font-semibold">
          Email address
        </h2>
        <ChangeEmailForm email={me.email ?? ''} />
      </section>
      <section className="space-y-4" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-xl font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
