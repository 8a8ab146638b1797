import { BookOpenIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireUser } from '@/server/page-session';

import { ApiKeyList } from './api-key-list';
import { CreateApiKeyForm } from './create-api-key-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiKeys.page');
  return { title: t('metaTitle') };
}

export default async function ApiKeysPage() {
  const user = await requireUser('/dashboard/api-keys');
  const t = await getTranslations('apiKeys.page');
  return (
    <div className="space-y-8">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button variant="outline" asChild>
            <Link href="/docs/api">
              <BookOpenIcon aria-hidden />
              {t('reference')}
            </Link>
          </Button>
        }
      />
      <p className="max-w-prose text-sm text-muted-foreground">
        {t.rich('howTo', {
          bearer: 'Authorization: Bearer <key>',
          header: 'X-API-Key',
          code: (chunks) => <code>{chunks}</code>,
          link: (chunks) => (
            <Link href="/dashboard/organizations" className="underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <CreateApiKeyForm scopes={[...user.permissions]} />
      <ApiKeyList />
    </div>
  );
}
