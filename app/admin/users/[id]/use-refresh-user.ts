'use client';

import { useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '@/app/_components/trpc-provider';

/** After a change to a user: reload their detail, and the user list that shows them. */
export function useRefreshUser(userId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.user.queryKey({ userId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() }),
    ]);
}
