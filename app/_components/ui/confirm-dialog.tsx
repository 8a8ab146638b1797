'use client';

import { AlertDialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';

import { buttonVariants } from './button';
import { cn } from './cn';
import { dialogPanelClass, overlayClass } from './dialog';

/**
 * Every destructive action asks here first: the trigger opens an alert dialog whose
 * focus starts on Cancel, so Enter alone never destroys anything. The dialog stays
 * open (its button busy) until what `onConfirm` returns settles, then closes.
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
  const t = useTranslations('common');
  const [open, setOpen] = useState(false);
  // Until everything `onConfirm` awaits has settled (the mutation, then a refresh of
  // the list), so a second click cannot send the action twice.
  const [running, setRunning] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const confirm = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    setRunning(true);
    // A failure is the caller's to report (its mutation's toast); the dialog closes either way.
    await Promise.resolve()
      .then(onConfirm)
      .catch(() => {});
    setRunning(false);
    setOpen(false);
  };
  const openChange = (next: boolean) => {
    if (next && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
    setOpen(next);
  };
  // Focus goes back to the button that opened the dialog; when the action removed it
  // (its row is gone), to the page's content rather than to nowhere.
  const returnFocus = (event: Event) => {
    if (opener.current?.isConnected) return;
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={openChange}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={dialogPanelClass} onCloseAutoFocus={returnFocus}>
          <div className="flex flex-col gap-2">
            <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              {description}
            </AlertDialog.Description>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonVariants({ variant: 'outline' })}>
              {t('cancel')}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={cn(buttonVariants({ variant: 'destructive' }))}
              disabled={pending || running}
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
