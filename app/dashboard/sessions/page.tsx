import type { Metadata } from 'next';

import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { defaultAuthProvider } from '@/server/auth/default-provider';
import { requireUser } from '@/server/page-session';

import { SessionList } from './session-list';
import { SignOutOthers } from './sign-out-others';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  await requireUser('/dashboard/sessions');
  // Supabase Auth keeps its sessions to itself: no list, only "sign out the others".
  const listed = (await defaultAuthProvider()).kind === 'built-in';
  return (
    <div>
      <PageHeader
        title="Sessions"
        description={
          listed
            ? 'Everywhere you are signed in. Revoke anything you do not recognise.'
            : 'Sign out every other device at once.'
        }
        actions={<SignOutOthers listed={listed} />}
      />
      {listed ? (
        <SessionList />
      ) : (
        <Card>
          <CardContent className="text-sm text-muted-foreground">
            Accounts are kept by Supabase Auth, which does not list sessions to the app, so there is
            no list here. Signing out everywhere else still works; other devices stay signed in
            until their current access token expires (an hour at most, by default).
          </CardContent>
        </Card>
      )}
    </div>
  );
}
