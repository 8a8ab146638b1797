'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UsersIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';
import { toast } from '@/app/_components/ui/toaster';

import { OrganizationCard } from './organization-cards';

/** Your organizations, each team a card that opens its page, and a form to make a team. */
export function Organizations() {
  const t = useTranslations('organizations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const organizations = useQuery({
    ...trpc.organizations.list.queryOptions(),
    // Its member counts change as people join and leave from other browsers.
    refetchOnMount: 'always',
  });
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: async (team) => {
        toast.success(t('createForm.created', { name: team.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.organizations.list.queryKey() });
        router.push(`/dashboard/organizations/${team.slug}`);
      },
    }),
  );
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      { name: String(form.get('name')), slug: String(form.get('slug')) },
      { onSuccess: () => formElement.reset() },
    );
  };

  const items = organizations.data?.items ?? [];
  const hasTeam = items.some((organization) => !organization.personal);
  return (
    <div className="space-y-10">
      <section aria-labelledby="your-organizations" className="space-y-4">
        <h2 id="your-organizations" className="text-xl font-semibold">
          {t('list.yours')}
        </h2>
        {organizations.isPending && <LoadingLines label={t('list.loading')} />}
        {organizations.isError && (
          <ErrorState title={t('list.loadFailed')} onRetry={() => organizations.refetch()} />
        )}
        {items.length > 0 && (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((organization) => (
              <OrganizationCard key={organization.id} organization={organization} />
            ))}
          </ul>
        )}
        {organizations.data && !hasTeam && (
          <EmptyState
            icon={UsersIcon}
            title={t('list.noTeams')}
            action={
              <Button asChild>
                <a href="#create-a-team">{t('list.createTeam')}</a>
              </Button>
            }
          >
            {t('list.noTeamsText')}
          </EmptyState>
        )}
      </section>

      <Card id="create-a-team" className="max-w-md scroll-mt-6">
        <CardHeader>
          <CardTitle id="create-team">{t('createForm.title')}</CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={onCreate} className="space-y-4" aria-labelledby="create-team">
            <Field label={t('createForm.name')} name="name" required maxLength={80} />
            <Field
              label={t('createForm.slug')}
              name="slug"
              required
              minLength={3}
              maxLength={48}
              pattern="[a-z0-9][a-z0-9\-]{1,46}[a-z0-9]"
            />
            <SubmitButton pending={create.isPending}>{t('createForm.submit')}</SubmitButton>
            {create.isError && <FormMessage outcome={{ ok: false, text: create.error.message }} />}
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
