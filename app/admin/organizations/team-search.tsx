'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';

import { cellClass, DataTable } from '../_components/data-table';
import { secondaryButtonClass } from '../_components/styles';

export function TeamSearch() {
  const trpc = useTRPC();
  const [query, setQuery] = useState<string | undefined>(undefined);
  const teams = useQuery(trpc.admin.organizations.queryOptions({ query, limit: 50 }));
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('query') ?? '').trim();
    setQuery(value || undefined);
  };

  let body;
  if (teams.isPending) body = <p role="status">Loading teams…</p>;
  else if (teams.isError) body = <p role="alert">Could not load teams: {teams.error.message}</p>;
  else if (teams.data.items.length === 0) body = <p>No teams match.</p>;
  else {
    body = (
      <DataTable
        caption="Teams"
        columns={['Name', 'Slug', 'Members', 'Owners', 'Plan', 'Subscription', 'Created']}
      >
        {teams.data.items.map((team) => (
          <tr key={team.id}>
            <td className={cellClass}>{team.name}</td>
            <td className={cellClass}>
              <code>{team.slug}</code>
            </td>
            <td className={cellClass}>{team.members}</td>
            <td className={cellClass}>{team.owners.join(', ')}</td>
            <td className={cellClass}>{team.plan}</td>
            <td className={cellClass}>
              {team.subscription
                ? `${team.subscription.status.replaceAll('_', ' ')}, ${team.subscription.seats} seats`
                : 'none'}
            </td>
            <td className={cellClass}>{team.createdAt.toLocaleDateString()}</td>
          </tr>
        ))}
      </DataTable>
    );
  }
  return (
    <div className="space-y-6">
      <form onSubmit={onSearch} className="flex max-w-md items-end gap-3" role="search">
        <div className="flex-1">
          <Field label="Name or slug" name="query" maxLength={200} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>
      {body}
    </div>
  );
}
