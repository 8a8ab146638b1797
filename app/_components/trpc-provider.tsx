'use client';

import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useLocale } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import superjson from 'superjson';

import type { AppRouter } from '@/server/root';

import { offerStepUp } from './step-up';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000 } },
    // A sensitive action that needs a fresh second factor: the step-up dialog asks for
    // a code, then runs the same mutation again (its own callbacks report the outcome).
    mutationCache: new MutationCache({
      onError: (error, variables, _context, mutation) => {
        offerStepUp(error, () => mutation.execute(variables));
      },
    }),
  });
}

/** The dashboard's way to call the API: tRPC through TanStack React Query. */
export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  // Errors come back in the page's language (the profile's choice may differ from the
  // browser's own Accept-Language). A new client when it changes; the cache stays.
  const locale = useLocale();
  // The server's transformer (server/trpc.ts): Dates arrive as Dates.
  const trpcClient = useMemo(
    () =>
      createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: '/api/trpc',
            transformer: superjson,
            headers: { 'accept-language': locale },
          }),
        ],
      }),
    [locale],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
