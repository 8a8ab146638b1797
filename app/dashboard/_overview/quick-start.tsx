'use client';

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
  return (
    <Card>
      <CardHeader>
        <CardTitle>Quick start</CardTitle>
        <CardDescription>
          Replace <code>{KEY_PLACEHOLDER}</code> with a key from API keys. The full reference is at{' '}
          <a href="/docs/api" className="underline">
            /docs/api
          </a>
          .
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <CodeBlock label="curl" code={curlSnippet(origin)} />
        <CodeBlock label="TypeScript (tRPC client)" code={clientSnippet(origin)} />
      </CardContent>
    </Card>
  );
}
