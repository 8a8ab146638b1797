import { useTranslations } from 'next-intl';

import { NONE } from '@/app/_components/ui/none';

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
  const t = useTranslations('admin.system.history.table');
  return (
    <table className="sr-only">
      <caption>{t('caption', { title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('minute')}</th>
          <th scope="col">{t('value')}</th>
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
