'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { FormMessage } from '@/app/_components/form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { toast } from '@/app/_components/ui/toaster';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

import { ROLES, useLabels, type Role } from '../../_components/labels';
import { SelectField } from '../../_components/select-field';
import { pickOption } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

export function RoleSection({
  userId,
  email,
  role,
}: {
  userId: string;
  email: string | null;
  role: Role;
}) {
  const t = useTranslations('admin.user.role');
  const labels = useLabels();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshUser(userId);
  const [chosen, setChosen] = useState<Role>(role);
  // A failure stays beside the field, where the choice was made.
  const { outcome, clear, failed } = useFormOutcome();
  const setRole = useMutation(
    trpc.admin.setRole.mutationOptions({
      onMutate: clear,
      onSuccess: async (_done, input) => {
        await refresh();
        toast.success(t(`changed.${input.role}`));
      },
      onError: failed,
    }),
  );
  // Without an email the title names "this user", in words of its own (German declines it).
  const title =
    chosen === 'admin'
      ? email
        ? t('confirm.makeAdmin', { who: email })
        : t('confirm.makeThisUserAdmin')
      : email
        ? t('confirm.takeAdmin', { who: email })
        : t('confirm.takeAdminFromThisUser');

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-end gap-4">
          <SelectField
            label={t('label')}
            name="role"
            value={chosen}
            onChange={(event) => setChosen(pickOption(ROLES, event.target.value) ?? role)}
            options={labels.roleOptions}
          />
          <ConfirmDialog
            trigger={
              <Button
                variant="outline"
                disabled={chosen === role || setRole.isPending || !hydrated}
              >
                {t('change')}
              </Button>
            }
            title={title}
            // What the change does, said before it is made: both ways change who can see every account.
            description={t(`confirm.consequence.${chosen}`)}
            confirmLabel={t('confirm.action', { role: labels.role(chosen) })}
            pending={setRole.isPending}
            onConfirm={() => setRole.mutateAsync({ userId, role: chosen })}
          />
        </div>
        <FormMessage outcome={outcome} />
      </CardContent>
    </Card>
  );
}
