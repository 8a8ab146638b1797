import { BookOpenIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireUser } from '@/server/page-session';

import { ApiKeyList } from './api-key-list';
import { CreateApiKeyForm } from './create-api-key-form';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const user = await requireUser('/dashboard/api-keys');
  return (
    <div className="space-y-8">
      <PageHeader
        title="API keys"
        description="Keys let your servers and scripts call the API as you, limited to the scopes you give them."
        actions={
          <Button variant="outline" asChild>
            <Link href="/docs/api">
              <BookOpenIcon aria-hidden />
              API reference
            </Link>
          </Button>
        }
      />
      <p className="max-w-prose text-sm text-muted-foreground">
        Send a key as <code>Authorization: Bearer &lt;key&gt;</code> or <code>X-API-Key</code>. A
        key made here acts in your personal workspace; a team&apos;s keys are made on its page under{' '}
        <Link href="/dashboard/organizations" className="underline underline-offset-4">
          Organizations
        </Link>
        .
      </p>
      <CreateApiKeyForm scopes={[...user.permissions]} />
      <ApiKeyList />
    </div>
  );
}
