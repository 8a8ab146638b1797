import type { Metadata } from 'next';

import { getOpenApiDocument } from '@/server/adapters/openapi';

import { OperationCard, type Operation } from './_components/operation-card';

export const metadata: Metadata = { title: 'API reference' };

/** The OpenAPI document rendered on the server: no script or stylesheet from elsewhere. */
export default function ApiDocsPage() {
  const document = getOpenApiDocument();
  const basePath = document.servers?.[0]?.url ?? '';
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      method,
      path,
      operation,
    })),
  );

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{document.info.title}</h1>
        <p className="max-w-3xl text-slate-600 dark:text-slate-300">{document.info.description}</p>
        <p className="text-sm">
          Version {document.info.version} · OpenAPI {document.openapi} ·{' '}
          <a href="/api/openapi.json" className="text-indigo-600 underline dark:text-indigo-400">
            Download openapi.json
          </a>
        </p>
      </header>
      <section aria-label="Operations" className="space-y-4">
        {operations.map(({ method, path, operation }) => (
          <OperationCard
            key={`${method} ${path}`}
            method={method}
            path={path}
            operation={operation}
            basePath={basePath}
          />
        ))}
      </section>
    </div>
  );
}
