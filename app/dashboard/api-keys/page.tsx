import type { Metadata } from 'next';
import Link from 'next/link';

import { requireUser } from '@/server/page-session';

import { ApiKeyList } from './api-key-list';
import { CreateApiKeyForm } from './create-api-key-form';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const user = await requireUser('/dashboard/api-keys');
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">API keys</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-300">
          Keys let your servers and scripts call the API as you, limited to the scopes you give
          them. Send one as <code>Authorization: Bearer &lt;key&gt;</code> or <code>X-API-Key</code>
          . A key made here acts in your personal workspace; a team&apos;s keys are made on its page
          under{' '}
          <Link href="/dashboard/organizations" className="underline">
            Organizations
          </Link>
          .
        </p>
      </div>
      <CreateApiKeyForm scopes={[...user.permissions]} />
      <ApiKeyList />
    </div>
  );
}
