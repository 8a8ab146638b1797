'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRoundIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId } from 'react';

import type { RouterOutputs } from '@/app/_components/api-types';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge, type Tone } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { toast } from '@/app/_components/ui/toaster';

import { useApiKeys } from './use-api-keys';

type ApiKey = RouterOutputs['apiKeys']['list']['items'][number];

const STATUS_TONES: Record<ApiKey['status'], Tone> = {
  active: 'good',
  expired: 'warn',
  revoked: 'bad',
};

/** One key: its name, prefix and state, who made it where, and when it was used. */
function KeyItem({
  apiKey,
  team,
  member,
  revoke,
}: {
  apiKey: ApiKey;
  team?: string;
  member?: string;
  revoke: { run: (id: string) => Promise<void>; isPending: boolean };
}) {
  const t = useTranslations('apiKeys.key');
  const { name } = apiKey;
  const confirmRevoke = () =>
    revoke.run(apiKey.id).then(
      () => toast.success(t('revoked', { name })),
      (error: Error) => toast.error(t('revokeFailed', { name, error: error.message })),
    );
  const who = [member && t('by', { member }), team && t('in', { team }), apiKey.scopes.join(', ')];
  return (
    <li
      aria-label={t('label', { name })}
      className="flex flex-wrap items-center justify-between gap-3 p-4"
    >
      <div className="min-w-0 space-y-1 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          {name} <code className="text-muted-foreground">{apiKey.displayPrefix}…</code>
          <Badge tone={STATUS_TONES[apiKey.status]}>{t(`status.${apiKey.status}`)}</Badge>
        </p>
        <p className="text-muted-foreground">{who.filter(Boolean).join(' · ')}</p>
        <p className="text-muted-foreground">
          {t.rich('dates', {
            created: () => <DateTime value={apiKey.createdAt} />,
            used: () => <DateTime value={apiKey.lastUsedAt} />,
            expires: () => (apiKey.expiresAt ? <DateTime value={apiKey.expiresAt} /> : t('never')),
          })}
        </p>
      </div>
      {apiKey.status === 'active' && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm" aria-label={t('revokeLabel', { name })}>
              {t('revoke')}
            </Button>
          }
          title={t('revokeTitle', { name })}
          description={t('revokeDescription')}
          confirmLabel={t('revokeConfirm')}
          onConfirm={confirmRevoke}
          pending={revoke.isPending}
        />
      )}
    </li>
  );
}

/**
 * Keys with their state and a revoke button: the caller's own, or with
 * `organizationId` an organization's (every member's for its owners and admins, named
 * by `memberEmail`).
 */
export function ApiKeyList({
  organizationId,
  title,
  memberEmail,
}: {
  organizationId?: string;
  title?: string;
  memberEmail?: (userId: string) => string;
}) {
  const t = useTranslations('apiKeys.list');
  const tc = useTranslations('common');
  const { keys, revoke } = useApiKeys(organizationId);
  const trpc = useTRPC();
  // Your own keys span your organizations: a team's key says which.
  const organizations = useQuery({
    ...trpc.organizations.list.queryOptions(),
    enabled: organizationId === undefined,
  });
  const teamOf = (id: string) =>
    organizationId === undefined
      ? organizations.data?.items.find((item) => item.id === id && !item.personal)?.name
      : undefined;
  const items = keys.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = useId();

  let body;
  if (keys.isPending) body = <LoadingLines label={t('loading')} />;
  else if (keys.isLoadingError) {
    body = <ErrorState title={t('loadFailed')} onRetry={() => keys.refetch()} />;
  } else if (items.length === 0) {
    // One sentence in one element: the team page's spec reads it whole.
    body = <EmptyState icon={KeyRoundIcon} title={t('empty')} />;
  } else {
    body = (
      <ul className="divide-y divide-border rounded-lg border border-border bg-card">
        {items.map((key) => (
          <KeyItem
            key={key.id}
            apiKey={key}
            team={teamOf(key.organizationId)}
            member={memberEmail?.(key.createdBy)}
            revoke={revoke}
          />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {title ?? t('title')}
      </h2>
      {/* A failed refresh or older page keeps the rows (and any dialog open on one) and says so. */}
      {keys.isError && !keys.isLoadingError && (
        <ErrorState title={t('loadFailed')} onRetry={() => keys.refetch()} />
      )}
      {body}
      {keys.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => keys.fetchNextPage()}
          disabled={keys.isFetchingNextPage}
        >
          {keys.isFetchingNextPage ? tc('loading') : t('showOlder')}
        </Button>
      )}
    </section>
  );
}
