import type { RouterOutputs } from '@/app/_components/api-types';
import { DateTime, NONE } from '@/app/_components/ui/date-time';

export type AuditEvent = RouterOutputs['audit']['list']['items'][number];

const cellClass = 'px-3 py-2 align-top';

function ResultBadge({ success }: { success: boolean }) {
  // Dark text on a pale fill keeps the contrast well above 4.5:1.
  return success ? (
    <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
      OK
    </span>
  ) : (
    <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
      Failed
    </span>
  );
}

function Resource({ type, id }: { type: string | null; id: string | null }) {
  if (!type && !id) return NONE;
  return (
    <>
      {type}
      {type && id && ' '}
      {id && <code className="text-xs break-all text-slate-600 dark:text-slate-300">{id}</code>}
    </>
  );
}

function Details({ details }: { details: AuditEvent['details'] }) {
  if (!details) return NONE;
  return (
    <details>
      <summary className="cursor-pointer">Details</summary>
      <pre className="mt-2 max-w-xs overflow-x-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap break-all dark:bg-slate-900">
        {JSON.stringify(details, null, 2)}
      </pre>
    </details>
  );
}

const COLUMNS = ['Time', 'Action', 'By', 'Result', 'Resource', 'IP', 'Details'];

const ACTED_BY = { you: 'You', 'someone else': 'An admin', system: 'System' } as const;

function Row({ event }: { event: AuditEvent }) {
  return (
    <tr aria-label={`Event ${event.action}`}>
      <td className={cellClass}>
        <DateTime value={event.createdAt} />
      </td>
      <td className={cellClass}>
        <code>{event.action}</code>
      </td>
      <td className={cellClass}>{ACTED_BY[event.actedBy]}</td>
      <td className={cellClass}>
        <ResultBadge success={event.success} />
      </td>
      <td className={cellClass}>
        <Resource type={event.resourceType} id={event.resourceId} />
      </td>
      <td className={`${cellClass} break-all`}>{event.ip ?? NONE}</td>
      <td className={cellClass}>
        <Details details={event.details} />
      </td>
    </tr>
  );
}

export function EventTable({ events }: { events: AuditEvent[] }) {
  return (
    // Focusable so keyboard users can scroll it sideways on a narrow screen.
    <div
      role="region"
      aria-labelledby="audit-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
    >
      <table className="w-full text-left text-sm">
        <caption id="audit-caption" className="sr-only">
          Your audit events
        </caption>
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={`${cellClass} font-medium`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {events.map((event) => (
            <Row key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
