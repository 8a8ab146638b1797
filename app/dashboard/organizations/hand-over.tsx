'use client';

import { useTranslations } from 'next-intl';

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
  const t = useTranslations('organizations.handOver');
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="outline"
          size="sm"
          disabled={busy}
          aria-label={t('triggerLabel', { email })}
        >
          {t('trigger')}
        </Button>
      }
      title={t('title', { team: teamName, email })}
      description={t('text', { email, team: teamName })}
      confirmLabel={t('confirm')}
      pending={busy}
      onConfirm={onConfirm}
    />
  );
}
