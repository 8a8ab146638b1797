'use client';

import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';

/**
 * "Make owner" asks first, with the focus on Cancel: handing a team over is as weighty
 * as deleting it, so one gesture (a double-click, a held Enter) never does it.
 */
export function HandOver({
  teamName,
  email,
  busy,
  onConfirm,
}: {
  teamName: string;
  email: string;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" disabled={busy} aria-label={`Make owner: ${email}`}>
          Make owner
        </Button>
      }
      title={`Hand ${teamName} over to ${email}?`}
      description={`${email} becomes its owner and you become an admin of ${teamName}.`}
      confirmLabel="Hand over"
      pending={busy}
      onConfirm={onConfirm}
    />
  );
}
