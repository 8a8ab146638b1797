import { useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader } from '@/app/_components/ui/card';
import { CodeBlock } from '@/app/_components/ui/code-block';

import { curlSample, typescriptSample } from './code-samples';
import { MethodBadge } from './method-badge';
import { keyScopes, type Endpoint, type Schema } from './operations';

function SchemaBlock({ schema }: { schema: Schema | null }) {
  return (
    <pre tabIndex={0} className="mt-2 max-h-80 overflow-auto rounded-md bg-muted/60 p-3 text-xs">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

function Access({ endpoint }: { endpoint: Endpoint }) {
  const t = useTranslations('docs.operation.access');
  const scopes = keyScopes(endpoint.operation);
  if (!endpoint.operation.security?.length) return <Badge tone="neutral">{t('noSignIn')}</Badge>;
  if (!scopes) return <Badge tone="warn">{t('sessionOnly')}</Badge>;
  if (scopes.length === 0) return <Badge tone="neutral">{t('anyKey')}</Badge>;
  return (
    <Badge tone="brand">
      {t.rich('scopes', {
        scopes: scopes.join(', '),
        code: (chunks) => <code>{chunks}</code>,
      })}
    </Badge>
  );
}

/** One operation: what it does, who may call it, its inputs and answers, and how to call it. */
export function OperationCard({ endpoint }: { endpoint: Endpoint }) {
  const t = useTranslations('docs.operation');
  const { id, method, path, operation } = endpoint;
  const body = operation.requestBody?.content?.['application/json']?.schema;
  return (
    <Card id={id} className="scroll-mt-20">
      <CardHeader className="gap-2">
        <h3 className="flex flex-wrap items-center gap-3 text-sm">
          <MethodBadge method={method} />
          <code className="break-all">/api/v1{path}</code>
          <a href={`#${id}`} className="text-muted-foreground hover:text-foreground">
            <span aria-hidden>#</span>
            <span className="sr-only">{t('linkTo', { name: operation.summary ?? id })}</span>
          </a>
        </h3>
        {operation.summary && <p className="font-medium">{operation.summary}</p>}
        <div className="flex flex-wrap gap-2">
          <Access endpoint={endpoint} />
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {operation.description && (
          <p className="text-sm text-muted-foreground">{operation.description}</p>
        )}
        {operation.parameters && operation.parameters.length > 0 && (
          <section>
            <h4 className="text-sm font-semibold">{t('parameters')}</h4>
            <ul className="mt-1 space-y-1 text-sm">
              {operation.parameters.map((parameter) => (
                <li key={`${parameter.in}:${parameter.name}`}>
                  <code>{parameter.name}</code>{' '}
                  <span className="text-muted-foreground">
                    {t(parameter.required ? 'parameterInRequired' : 'parameterIn', {
                      location: parameter.in,
                    })}
                  </span>
                  {parameter.description && ` — ${parameter.description}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        {body !== undefined && (
          <details>
            <summary className="cursor-pointer text-sm font-semibold">{t('requestBody')}</summary>
            <SchemaBlock schema={body} />
          </details>
        )}
        <section>
          <h4 className="text-sm font-semibold">{t('responses')}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {Object.entries(operation.responses ?? {}).map(([status, response]) => (
              <li key={status}>
                <details>
                  <summary className="cursor-pointer">
                    <code>{status}</code> {response.description}
                  </summary>
                  <SchemaBlock schema={response.content?.['application/json']?.schema ?? null} />
                </details>
              </li>
            ))}
          </ul>
        </section>
        <div className="space-y-4">
          <CodeBlock label="curl" code={curlSample(endpoint)} />
          <CodeBlock label="TypeScript" code={typescriptSample(endpoint)} />
        </div>
      </CardContent>
    </Card>
  );
}
