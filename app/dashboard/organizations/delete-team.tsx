'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { Field, FormMessage } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/app/_components/ui/dialog';

import type { TeamOfCaller } from './use-team-lists';

/**
 * Deleting a team cannot be undone, so the dialog asks for its slug typed again (the
 * server checks it too) rather than one more click: ConfirmDialog has no field for it.
 */
export function DeleteTeam({
  organization,
  onDeleted,
}: {
  organization: TeamOfCaller;
  onDeleted: () => Promise<unknown>;
}) {
  const t = useTranslations('organizations.delete');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useMutation(trpc.organizations.delete.mutationOptions({ onSuccess: onDeleted }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    remove.mutate({ organizationId: organization.id, confirm: typed });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setTyped('');
        remove.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="destructive">{t('trigger', { team: organization.name })}</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('title', { team: organization.name })}</DialogTitle>
            <DialogDescription>{t('text')}</DialogDescription>
          </DialogHeader>
          <Field
            label={t('confirmField', { slug: organization.slug })}
            name="confirm"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          {remove.isError && <FormMessage outcome={{ ok: false, text: remove.error.message }} />}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{tc('cancel')}</Button>
            </DialogClose>
            <Button
              type="submit"
              variant="destructive"
              disabled={typed !== organization.slug || remove.isPending}
            >
              {t('submit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
