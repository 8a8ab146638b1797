'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

import { SecondFactorForm } from './second-factor-form';
import { listenForStepUp } from './step-up';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from './ui/dialog';

/**
 * Asks for a code when a sensitive action was refused with STEP_UP_REQUIRED, then
 * runs the action again. Closed without a code, the action stays refused (its form
 * already says why).
 */
export function StepUpDialog() {
  const t = useTranslations('common.stepUp');
  const [open, setOpen] = useState(false);
  const retry = useRef<(() => unknown) | null>(null);
  useEffect(
    () =>
      listenForStepUp((again) => {
        retry.current = again;
        setOpen(true);
      }),
    [],
  );
  const verified = () => {
    setOpen(false);
    const again = retry.current;
    retry.current = null;
    again?.();
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription>{t('description')}</DialogDescription>
        </DialogHeader>
        {open && <SecondFactorForm onVerified={verified} />}
      </DialogContent>
    </Dialog>
  );
}
