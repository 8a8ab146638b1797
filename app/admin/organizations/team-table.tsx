import { DateTime } from '@/app/_components/ui/date-time';
import { Table, TableCell, TableRow } from '@/app/_components/ui/table';

import { count, PLAN_NAMES } from '../_components/labels';
import { SubscriptionBadge } from '../_components/subscription-badge';
import type { AdminOutputs } from '../_components/types';

type Team = AdminOutputs['organizations']['items'][number];

const COLUMNS = ['Name', 'Slug', 'Members', 'Owners', 'Plan', 'Subscription', 'Created'];

function Row({ team }: { team: Team }) {
  return (
    <TableRow>
      <TableCell className="font-medium">{team.name}</TableCell>
      <TableCell>
        <code>{team.slug}</code>
      </TableCell>
      <TableCell className="tabular-nums">{count(team.members)}</TableCell>
      <TableCell className="break-all">{team.owners.join(', ')}</TableCell>
      <TableCell>{PLAN_NAMES[team.plan]}</TableCell>
      <TableCell>
        {team.subscription ? (
          <span className="flex flex-wrap items-center gap-2">
            <SubscriptionBadge status={team.subscription.status} />
            {team.subscription.seats} seats
          </span>
        ) : (
          'None'
        )}
      </TableCell>
      <TableCell>
        <DateTime value={team.createdAt} />
      </TableCell>
    </TableRow>
  );
}

export function TeamTable({ teams }: { teams: Team[] }) {
  return (
    <Table caption="Teams" columns={COLUMNS}>
      {teams.map((team) => (
        <Row key={team.id} team={team} />
      ))}
    </Table>
  );
}
