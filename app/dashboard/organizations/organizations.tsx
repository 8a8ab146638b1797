'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';

import { Field, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';

/** Your organizations, each team a link to its own page, and a form to make a team. */
export function Organizations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: async (team) => {
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
  return (
    <div className="space-y-10">
      <section aria-labelledby="your-organizations" className="space-y-3">
        <h2 id="your-organizations" className="text-xl font-semibold">
          Your organizations
        </h2>
        {organizations.isPending && <p>Loading…</p>}
        {organizations.isError && <p role="alert">Could not load your organizations.</p>}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {items.map((organization) => (
            <li key={organization.id} className="flex items-center justify-between gap-3 p-4">
              <span>
                <span className="font-medium">{organization.name}</span>{' '}
                <span className="text-sm text-slate-500">
                  {organization.personal ? 'personal' : organization.slug} · {organization.role}
                </span>
              </span>
              {!organization.personal && (
                <Link
                  href={`/dashboard/organizations/${organization.slug}`}
                  className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900"
                >
                  Open {organization.name}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>

      <form
        id="create-a-team"
        onSubmit={onCreate}
        className="max-w-md space-y-4"
        aria-labelledby="create-team"
      >
        <h2 id="create-team" className="text-xl font-semibold">
          Create a team
        </h2>
        <Field label="Team name" name="name" required maxLength={80} />
        <Field
          label="Slug (its address: letters, digits, hyphens)"
          name="slug"
          required
          minLength={3}
          maxLength={48}
          pattern="[a-z0-9][a-z0-9\-]{1,46}[a-z0-9]"
        />
        <SubmitButton pending={create.isPending}>Create team</SubmitButton>
        {create.isError && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {create.error.message}
          </p>
        )}
      </form>
    </div>
  );
}
