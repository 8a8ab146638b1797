import { useFormatter, useTranslations } from 'next-intl';

import { DateTime } from '@/app/_components/ui/date-time';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { useLabels } from '../_components/labels';
import { SubscriptionBadge } from '../_components/subscription-badge';
import type { AdminOutputs } from '../_components/types';

type Team = AdminOutputs['organizations']['items'][number];

function Row({ team }: { team: Team }) {
  const t = useTranslations('admin');
  const labels = useLabels();
  const format = useFormatter();
  return (
    <TableRow>
      <TableCell className="font-medium">{team.name}</TableCell>
      <TableCell>
        <code>{team.slug}</code>
      </TableCell>
      <TableCell className="tabular-nums">{format.number(team.members)}</TableCell>
      <TableCell className="break-all">{team.owners.join(', ')}</TableCell>
      <TableCell>{labels.plan(team.plan)}</TableCell>
      <TableCell>
        {team.subscription ? (
          <span className="flex flex-wrap items-center gap-2">
            <SubscriptionBadge status={team.subscription.status} />
            {t('organizations.seats', { count: team.subscription.seats })}
          </span>
        ) : (
          t('labels.none')
        )}
      </TableCell>
      <TableCell>
        <DateTime value={team.createdAt} />
      </TableCell>
    </TableRow>
  );
}

export function TeamTable({ teams }: { teams: Team[] }) {
  const t = useTranslations('admin.organizations');
  const columns = [
    t('columns.name'),
    t('columns.slug'),
    t('columns.members'),
    t('columns.owners'),
    t('columns.plan'),
    t('columns.subscription'),
    t('columns.created'),
  ];
  return (
    <Table caption={t('caption')} columns={columns}>
      {teams.map((team) => (
        <Row key={team.id} team={team} />
      ))}
    </Table>
  );
}
