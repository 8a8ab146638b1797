'use client';

import { useMutation } from '@tanstack/react-query';
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

import { ROLE_OPTIONS, roleName } from '../../_components/labels';
import { SelectField } from '../../_components/select-field';
import { pickOption } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

type Role = 'user' | 'admin';

/** What the change does, said before it is made: both ways change who can see every account. */
const CONSEQUENCE: Record<Role, string> = {
  admin:
    'They will be able to see and change every account, at once, in every session and with every API key they have.',
  user: 'They lose the admin area at once, in every session and with every API key they have.',
};

export function RoleSection({
  userId,
  email,
  role,
}: {
  userId: string;
  email: string | null;
  role: Role;
}) {
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
        toast.success(`Role changed to ${input.role}.`);
      },
      onError: failed,
    }),
  );
  const who = email ?? 'this user';

  return (
    <Card>
      <CardHeader>
        <CardTitle>Role</CardTitle>
        <CardDescription>
          Admins can see and change every account. The change applies at once, to sessions and API
          keys alike.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-end gap-4">
          <SelectField
            label="Role"
            name="role"
            value={chosen}
            onChange={(event) => setChosen(pickOption(ROLE_OPTIONS, event.target.value) ?? role)}
            options={ROLE_OPTIONS}
          />
          <ConfirmDialog
            trigger={
              <Button
                variant="outline"
                disabled={chosen === role || setRole.isPending || !hydrated}
              >
                Change role
              </Button>
            }
            title={chosen === 'admin' ? `Make ${who} an admin?` : `Take admin rights from ${who}?`}
            description={CONSEQUENCE[chosen]}
            confirmLabel={`Change role to ${roleName(chosen)}`}
            pending={setRole.isPending}
            onConfirm={() => setRole.mutateAsync({ userId, role: chosen })}
          />
        </div>
        <FormMessage outcome={outcome} />
      </CardContent>
    </Card>
  );
}
