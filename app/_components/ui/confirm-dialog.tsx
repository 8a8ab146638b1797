'use client';

import { AlertDialog } from 'radix-ui';
import { useState, type ReactNode } from 'react';

import { buttonVariants } from './button';
import { cn } from './cn';
import { dialogPanelClass, overlayClass } from './dialog';

/**
 * Every destructive action asks here first: the trigger opens an alert dialog whose
 * focus starts on Cancel, so Enter alone never destroys anything. The dialog stays
 * open (its button busy) until `onConfirm` settles, then closes.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending = false,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => unknown;
  pending?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const confirm = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    // A failure is the caller's to report (its mutation's toast); the dialog closes either way.
    await Promise.resolve()
      .then(onConfirm)
      .catch(() => {});
    setOpen(false);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={dialogPanelClass}>
          <div className="flex flex-col gap-2">
            <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              {description}
            </AlertDialog.Description>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonVariants({ variant: 'outline' })}>
              Cancel
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={cn(buttonVariants({ variant: 'destructive' }))}
              disabled={pending}
              onClick={confirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
