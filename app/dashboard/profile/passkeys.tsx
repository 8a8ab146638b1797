'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { KeyRoundIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { z } from 'zod';

import type { ApiError, RouterOutputs } from '@/app/_components/api-types';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import {
  cancelledByPerson,
  passkeysUnavailable,
  promptToCreatePasskey,
} from '@/app/_components/passkeys';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useBrowserValue } from '@/app/_components/use-hydrated';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { passkeyName } from '@/server/auth/passkeys/schemas';

type Passkey = RouterOutputs['passkeys']['list'][number];
const nameForm = z.object({ name: passkeyName });

function PasskeyItem({ passkey, onRemoved }: { passkey: Passkey; onRemoved: () => void }) {
  const t = useTranslations('profile.passkeys');
  const trpc = useTRPC();
  const { name } = passkey;
  const remove = useMutation(trpc.passkeys.remove.mutationOptions());
  const confirmRemove = () =>
    remove.mutateAsync({ id: passkey.id }).then(
      () => {
        toast.success(t('removed', { name }));
        onRemoved();
      },
      (error: Error) => toast.error(t('removeFailed', { name, error: error.message })),
    );
  return (
    <li
      aria-label={t('label', { name })}
      className="flex flex-wrap items-center justify-between gap-3 py-3"
    >
      <div>
        <p className="flex items-center gap-2 font-medium">
          {name}
          {passkey.multiDevice && <Badge>{t('synced')}</Badge>}
        </p>
        <p className="text-sm text-muted-foreground">
          {t.rich('created', { when: () => <DateTime value={passkey.createdAt} /> })}
          {' · '}
          {passkey.lastUsedAt
            ? t.rich('lastUsed', { when: () => <DateTime value={passkey.lastUsedAt!} /> })
            : t('neverUsed')}
        </p>
      </div>
      <ConfirmDialog
        trigger={
          <Button variant="outline" size="sm" aria-label={t('removeLabel', { name })}>
            {t('remove')}
          </Button>
        }
        title={t('removeTitle', { name })}
        description={t('removeDescription')}
        confirmLabel={t('removeConfirm')}
        onConfirm={confirmRemove}
        pending={remove.isPending}
      />
    </li>
  );
}

/** The account's passkeys: list, add (the browser makes one), remove. */
export function Passkeys() {
  const t = useTranslations('profile.passkeys');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.passkeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.passkeys.list.queryKey() });
  const unavailable = useBrowserValue(passkeysUnavailable, null);
  const form = useValidatedForm(nameForm, { name: t('nameLabel') });
  const options = useMutation(trpc.passkeys.registrationOptions.mutationOptions());
  const register = useMutation(trpc.passkeys.register.mutationOptions());
  const add = useMutation({
    mutationFn: async (name: string) => {
      const { options: created } = await options.mutateAsync();
      const response = await promptToCreatePasskey(created);
      // The browser's extension outputs are a typed interface; the server takes any object.
      const extensions = response.clientExtensionResults as Record<string, unknown>;
      await register.mutateAsync({
        name,
        response: { ...response, clientExtensionResults: extensions },
      });
      return name;
    },
    onSuccess: (name) => {
      toast.success(t('added', { name }));
      return refresh();
    },
    // The server's refusals go to the form; the browser's (cancelled, no authenticator) to a toast.
    onError: (error: Error) => {
      if (error instanceof TRPCClientError) form.failed(error as ApiError);
      else toast.error(cancelledByPerson(error) ? t('cancelled') : error.message);
    },
  });

  return (
    <div className="space-y-4">
      {list.isPending && <LoadingLines label={t('loading')} />}
      {list.isLoadingError && <ErrorState title={t('loadFailed')} onRetry={() => list.refetch()} />}
      {list.data?.length === 0 && (
        <EmptyState icon={KeyRoundIcon} title={t('none')}>
          {t('noneHint')}
        </EmptyState>
      )}
      {Boolean(list.data?.length) && (
        <ul aria-label={t('listLabel')} className="divide-y divide-border">
          {list.data!.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} onRemoved={refresh} />
          ))}
        </ul>
      )}
      {unavailable ? (
        <p className="text-sm text-muted-foreground">
          {unavailable === 'ipAddress' ? t('unavailableHere') : t('unsupported')}
        </p>
      ) : (
        <form
          method="post"
          onSubmit={form.submitWith(
            (data) => ({ name: String(data.get('name') ?? '') }),
            (input) => add.mutate(input.name),
          )}
          className="max-w-sm space-y-4"
          noValidate
          aria-label={t('add')}
        >
          <Field
            label={t('nameLabel')}
            placeholder={t('namePlaceholder')}
            {...form.field('name')}
          />
          <FormMessage outcome={form.outcome} />
          <SubmitButton pending={add.isPending}>{t('add')}</SubmitButton>
        </form>
      )}
    </div>
  );
}
