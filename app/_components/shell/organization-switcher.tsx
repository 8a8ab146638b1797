'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';

import { useTRPC } from '../trpc-provider';
import { Button } from '../ui/button';
import { NativeSelect } from '../ui/input';

const CREATE = '+create';

/**
 * Which organization the dashboard shows, as its address says: the personal workspace,
 * or a team's page (`/dashboard/organizations/<slug>`). Choosing one and pressing
 * Switch navigates there (choosing alone changes nothing: arrow keys on a closed
 * select must not move the page), so each tab keeps its own.
 */
export function OrganizationSwitcher() {
  const t = useTranslations('shell');
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
  // The sidebar and the phone's sheet may both hold one.
  const selectId = useId();
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
    <form onSubmit={onSwitch} className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={selectId} className="px-2 text-xs font-semibold text-muted-foreground">
        {t('organization')}
      </label>
      {/* Stacked: beside the button, the sidebar's width cut longer names ("Persönlicher Arbeitsbereich"). */}
      <div className="grid gap-1.5">
        <NativeSelect
          id={selectId}
          value={chosen ?? current}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('personalWorkspace')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.slug}>
              {team.name}
            </option>
          ))}
          <option value={CREATE}>{t('createTeam')}</option>
        </NativeSelect>
        <Button type="submit" variant="outline" size="sm" className="justify-self-start px-3">
          {t('switch')}
        </Button>
      </div>
    </form>
  );
}
