import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/app/_components/ui/page-header';
import { getOpenApiDocument } from '@/server/adapters/openapi';

import { ApiSidebar, type SidebarGroup } from './_components/api-sidebar';
import { OperationCard } from './_components/operation-card';
import { groupByTag } from './_components/operations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('docs.page');
  return { title: t('metaTitle') };
}

/**
 * The OpenAPI document rendered on the server: no script or stylesheet from elsewhere.
 * Only the sidebar's search runs in the browser.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations('docs.page');
  const document = getOpenApiDocument();
  const groups = groupByTag(document.paths ?? {});
  const sidebar: SidebarGroup[] = groups.map(({ tag, endpoints }) => ({
    tag,
    entries: endpoints.map(({ id, method, path, operation }) => ({
      id,
      method,
      path,
      summary: operation.summary ?? '',
    })),
  }));

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <ApiSidebar groups={sidebar} />
      </aside>
      <div className="space-y-10">
        <PageHeader
          title={document.info.title}
          description={
            <>
              {document.info.description}{' '}
              {t.rich('about', {
                version: document.info.version,
                openapi: document.openapi,
                link: (chunks) => (
                  <a href="/api/openapi.json" className="underline">
                    {chunks}
                  </a>
                ),
              })}
            </>
          }
        />
        <p className="text-sm text-muted-foreground">
          {t.rich('samples', { code: (chunks) => <code>{chunks}</code> })}
        </p>
        {groups.map(({ tag, endpoints }) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
            <h2 id={`tag-${tag}`} className="scroll-mt-20 text-xl font-semibold capitalize">
              {tag}
            </h2>
            {endpoints.map((endpoint) => (
              <OperationCard key={endpoint.id} endpoint={endpoint} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
