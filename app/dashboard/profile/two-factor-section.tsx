'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { CodeBlock } from '@/app/_components/ui/code-block';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { QrCode } from '@/app/_components/ui/qr-code';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { secondFactorCodeInput } from '@/server/auth/two-factor/schemas';

type Status = { available: boolean; enabled: boolean; recoveryCodesLeft: number };

/** Recovery codes, shown once (only their hashes are kept), until the person says they saved them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations('profile.twoFactor');
  return (
    <div className="space-y-3" role="status">
      <h3 className="font-semibold">{t('recoveryTitle')}</h3>
      <p className="text-sm">{t('recoveryIntro')}</p>
      <CodeBlock label={t('recoveryCodes')} code={codes.join('\n')} />
      <Button type="button" onClick={onDone}>
        {t('recoveryDone')}
      </Button>
    </div>
  );
}

/** The QR code and key of a new secret, and the first code that turns it on. */
function Enrolment({
  manualKey,
  keyUri,
  onCodes,
}: {
  manualKey: string;
  keyUri: string;
  onCodes: (codes: string[]) => void;
}) {
  const t = useTranslations('profile.twoFactor');
  const trpc = useTRPC();
  const form = useValidatedForm(secondFactorCodeInput, { code: t('confirmCode') });
  const confirm = useMutation(
    trpc.auth.twoFactor.confirm.mutationOptions({
      onSuccess: (result) => {
        toast.success(t('enabledToast'));
        onCodes(result.recoveryCodes);
      },
      onError: form.failed,
    }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm">{t('scan')}</p>
      <QrCode text={keyUri} label={t('qrLabel')} />
      <CodeBlock label={t('manualKey')} code={manualKey} />
      <form
        method="post"
        onSubmit={form.submitWith(
          (data) => ({ code: String(data.get('code') ?? '') }),
          (input) => confirm.mutate(input),
        )}
        className="max-w-sm space-y-4"
        noValidate
        aria-label={t('confirm')}
      >
        <p className="text-sm">{t('confirmIntro')}</p>
        <Field
          label={t('confirmCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={6}
          {...form.field('code')}
        />
        <FormMessage outcome={form.outcome} />
        <SubmitButton pending={confirm.isPending}>{t('confirm')}</SubmitButton>
      </form>
    </div>
  );
}

/** Setting up, replacing recovery codes for, and turning off an authenticator app. */
export function TwoFactorSection({ status }: { status: Status }) {
  const t = useTranslations('profile.twoFactor');
  const trpc = useTRPC();
  const router = useRouter();
  const [secret, setSecret] = useState<{ manualKey: string; keyUri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const failed = (error: { message: string }) => toast.error(error.message);
  const enrol = useMutation(
    trpc.auth.twoFactor.enrol.mutationOptions({ onSuccess: setSecret, onError: failed }),
  );
  const regenerate = useMutation(
    trpc.auth.twoFactor.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (result) => setCodes(result.recoveryCodes),
      onError: failed,
    }),
  );
  const disable = useMutation(
    trpc.auth.twoFactor.disable.mutationOptions({
      onSuccess: () => {
        toast.success(t('disabledToast'));
        router.refresh();
      },
      onError: failed,
    }),
  );
  const done = () => {
    setCodes(null);
    setSecret(null);
    router.refresh();
  };

  if (!status.available) return <p className="text-sm">{t('unavailable')}</p>;
  if (codes) return <RecoveryCodes codes={codes} onDone={done} />;
  if (secret) return <Enrolment {...secret} onCodes={setCodes} />;
  if (!status.enabled) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone="neutral">{t('off')}</Badge>
        <Button type="button" onClick={() => enrol.mutate()} disabled={enrol.isPending}>
          {t('enable')}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <Badge tone="good">{t('on')}</Badge>
        {t('codesLeft', { count: status.recoveryCodesLeft })}
      </p>
      <div className="flex flex-wrap gap-3">
        <ConfirmDialog
          trigger={<Button variant="outline">{t('regenerate')}</Button>}
          title={t('regenerateTitle')}
          description={t('regenerateDescription')}
          confirmLabel={t('regenerate')}
          onConfirm={() => regenerate.mutateAsync()}
          pending={regenerate.isPending}
        />
        <ConfirmDialog
          trigger={<Button variant="destructive">{t('disable')}</Button>}
          title={t('disableTitle')}
          description={t('disableDescription')}
          confirmLabel={t('disable')}
          onConfirm={() => disable.mutateAsync()}
          pending={disable.isPending}
        />
      </div>
    </div>
  );
}
