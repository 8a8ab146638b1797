'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '@/app/_components/trpc-provider';
import type { ApiKeyScope } from '@/server/api-keys/schemas';
import type { OrganizationPermission, Permission } from '@/server/identity';

import type { ApiError } from '@/app/_components/api-types';

export type NewApiKey = { name: string; scopes: ApiKeyScope[]; expiresAt?: Date };
type Callbacks<T> = { onSuccess?: (result: T) => unknown; onError?: (error: ApiError) => void };

/**
 * The keys a page manages: an organization's (named by `organizationId`; its
 * members' keys there) or the signed-in person's own (personal keys, and their keys in
 * every organization). Both sets of procedures answer in the same shapes; only the
 * one the page names is queried.
 */
export function useApiKeys(organizationId?: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const page = { getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor };
  const teamKeys = useInfiniteQuery({
    ...trpc.organizations.apiKeys.infiniteQueryOptions(
      { organizationId: organizationId ?? '', limit: 20 },
      page,
    ),
    enabled: organizationId !== undefined,
  });
  const ownKeys = useInfiniteQuery({
    ...trpc.apiKeys.list.infiniteQueryOptions({ limit: 20 }, page),
    enabled: organizationId === undefined,
  });
  // Both lists: your own spans your teams' keys.
  const refresh = () =>
    Promise.all(
      [trpc.organizations.apiKeys.pathKey(), trpc.apiKeys.list.pathKey()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const createTeamKey = useMutation(trpc.organizations.createApiKey.mutationOptions());
  const createOwnKey = useMutation(trpc.apiKeys.create.mutationOptions());
  const revokeTeamKey = useMutation(trpc.organizations.revokeApiKey.mutationOptions());
  const revokeOwnKey = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const [create, revoke] = organizationId
    ? [createTeamKey, revokeTeamKey]
    : [createOwnKey, revokeOwnKey];

  return {
    keys: organizationId ? teamKeys : ownKeys,
    create: {
      isPending: create.isPending,
      mutate: (input: NewApiKey, callbacks: Callbacks<{ key: string }>) => {
        const onSuccess = async (result: { key: string }) => {
          await callbacks.onSuccess?.(result);
          await refresh();
        };
        if (organizationId) {
          const scopes = input.scopes as OrganizationPermission[];
          createTeamKey.mutate(
            { ...input, scopes, organizationId },
            { onSuccess, onError: callbacks.onError },
          );
        } else {
          const scopes = input.scopes as Permission[];
          createOwnKey.mutate({ ...input, scopes }, { onSuccess, onError: callbacks.onError });
        }
      },
    },
    revoke: {
      isPending: revoke.isPending,
      /** Resolves once the lists show the key revoked; rejects with the API's error. */
      run: async (id: string) => {
        if (organizationId) await revokeTeamKey.mutateAsync({ id, organizationId });
        else await revokeOwnKey.mutateAsync({ id });
        await refresh();
      },
    },
  };
}
