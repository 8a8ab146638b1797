'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

const CREATE = '+create';

/**
 * Which organization the dashboard shows, as its address says: the personal workspace,
 * or a team's page (`/dashboard/organizations/<slug>`). Choosing one and pressing
 * Switch navigates there (choosing alone changes nothing: arrow keys on a closed
 * select must not move the page), so each tab keeps its own.
 */
export function OrganizationSwitcher() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  const teams = organizations.data?.items.filter((organization) => !organization.personal);
  // Slugs are [a-z0-9-]: the path segment needs no decoding, only lower case.
  const slug = (pathname.match(/^\/dashboard\/organizations\/([^/]+)/)?.[1] ?? '').toLowerCase();
  const current = teams?.some((team) => team.slug === slug) ? slug : '';
  // The choice, until Switch is pressed; null follows the page.
  const [chosen, setChosen] = useState<string | null>(null);
  if (!teams) return null;

  const onSwitch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = chosen ?? current;
    setChosen(null);
    if (target === CREATE) router.push('/dashboard/organizations#create-a-team');
    else if (target) router.push(`/dashboard/organizations/${target}`);
    else router.push('/dashboard');
  };
  return (
    <form onSubmit={onSwitch} className="mb-4 flex items-center gap-2 text-sm">
      <label htmlFor="organization-switcher" className="font-medium">
        Organization
      </label>
      <select
        id="organization-switcher"
        value={chosen ?? current}
        onChange={(event) => setChosen(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">Personal workspace</option>
        {teams.map((team) => (
          <option key={team.id} value={team.slug}>
            {team.name}
          </option>
        ))}
        <option value={CREATE}>Create a team…</option>
      </select>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Switch
      </button>
    </form>
  );
}
