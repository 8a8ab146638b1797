'use client';

import { useMutation } from '@tanstack/react-query';
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
        <Button variant="destructive">Delete {organization.name}</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Delete {organization.name}?</DialogTitle>
            <DialogDescription>
              Its members, invitations and API keys go with it, and this cannot be undone. A
              subscription that renews must be cancelled first.
            </DialogDescription>
          </DialogHeader>
          <Field
            label={`Type ${organization.slug} to confirm`}
            name="confirm"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          {remove.isError && <FormMessage outcome={{ ok: false, text: remove.error.message }} />}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              type="submit"
              variant="destructive"
              disabled={typed !== organization.slug || remove.isPending}
            >
              Delete the team
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
