import { NONE } from '@/app/_components/ui/date-time';

import type { MinutePoint } from './chart-data';

/** The numbers behind a per-minute chart, for screen readers. */
export function MinuteTable({
  title,
  points,
  format,
}: {
  title: string;
  points: MinutePoint[];
  format: (value: number) => string;
}) {
  return (
    <table className="sr-only">
      <caption>{title}, last hour</caption>
      <thead>
        <tr>
          <th scope="col">Minute (UTC)</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.minute}>
            <th scope="row">{point.label}</th>
            <td>{point.value === null ? NONE : format(point.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
