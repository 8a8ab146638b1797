'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';

import { useTRPC } from '@/app/_components/trpc-provider';

const CREATE = '+create';

/**
 * Which organization the dashboard shows, as its address says: the personal workspace,
 * or a team's page (`/dashboard/organizations/<slug>`). Choosing one navigates there,
 * so each tab keeps its own.
 */
export function OrganizationSwitcher() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  const teams = organizations.data?.items.filter((organization) => !organization.personal);
  if (!teams) return null;
  const slug = decodeURIComponent(
    pathname.match(/^\/dashboard\/organizations\/([^/]+)/)?.[1] ?? '',
  );
  const current = teams.some((team) => team.slug === slug) ? slug : '';
  return (
    <div className="mb-4 flex items-center gap-2 text-sm">
      <span aria-hidden className="font-medium">
        Organization
      </span>
      <select
        aria-label="Organization"
        value={current}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === CREATE) router.push('/dashboard/organizations#create-a-team');
          else if (chosen) router.push(`/dashboard/organizations/${chosen}`);
          else router.push('/dashboard');
        }}
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
    </div>
  );
}
