import type { Metadata } from 'next';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { pageCaller, requireUser } from '@/server/page-session';

import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  await requireUser('/dashboard/profile');
  const me = await (await pageCaller()).me.get();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title="Profile"
        description="How you appear to your teams, and how you sign in."
      />
      <Card>
        <CardHeader>
          <CardTitle>Your details</CardTitle>
          <CardDescription>Your name and picture, as your teammates see them.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm displayName={me.displayName ?? ''} avatarUrl={me.avatarUrl ?? ''} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription>
            You sign in with it, and account mail (password resets, invitations) goes there.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangeEmailForm email={me.email ?? ''} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs out your other devices.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </div>
  );
}
