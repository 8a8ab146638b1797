'use client';

import { useTranslations } from 'next-intl';

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { CodeBlock } from '@/app/_components/ui/code-block';
import { useBrowserValue } from '@/app/_components/use-hydrated';

const KEY_PLACEHOLDER = 'sk_test_your_key';

const curlSnippet = (origin: string) =>
  `curl ${origin}/api/v1/me \\\n  -H "Authorization: Bearer ${KEY_PLACEHOLDER}"`;

const clientSnippet = (
  origin: string,
) => `import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './server/root';

const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '${origin}/api/trpc',
      transformer: superjson,
      headers: { authorization: 'Bearer ${KEY_PLACEHOLDER}' },
    }),
  ],
});

const me = await api.me.get.query(); // typed by the server's router`;

/** Two ways to make a first call with a key: curl, and the typed client. */
export function QuickStart({ appUrl }: { appUrl: string }) {
  // The address this page was opened at (what a snippet run here should call); in
  // the server's HTML, the app's configured address.
  const origin = useBrowserValue(() => window.location.origin, appUrl);
  const t = useTranslations('overview.quickStart');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>
          {t.rich('description', {
            placeholder: KEY_PLACEHOLDER,
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => (
              <a href="/docs/api" className="underline">
                {chunks}
              </a>
            ),
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <CodeBlock label="curl" code={curlSnippet(origin)} />
        <CodeBlock label={t('typescript')} code={clientSnippet(origin)} />
      </CardContent>
    </Card>
  );
}
