'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { useChartFormats } from './chart-data';
import { axisTick, CHART_HEIGHT, SERIES_COLOUR, tooltipStyles } from './chart-theme';

export type RouteLatency = { route: string; requests: number; p95Ms: number };

// Route names are long, so the bars run sideways and each needs a line of its own.
const ROW_HEIGHT = 28;

/** The drawing is hidden from assistive technology; a hidden table has the numbers. */
export function RouteLatencyChart({ routes }: { routes: RouteLatency[] }) {
  const t = useTranslations('admin.system.latency.chart');
  const formats = useChartFormats();
  const height = Math.max(CHART_HEIGHT, routes.length * ROW_HEIGHT + 40);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{t('title')}</figcaption>
      <div aria-hidden className="text-muted-foreground">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
          <BarChart
            data={routes}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 8, right: 24, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
            <XAxis type="number" tick={axisTick} stroke="currentColor" tickFormatter={formats.ms} />
            <YAxis
              type="category"
              dataKey="route"
              tick={{ ...axisTick, fontSize: 11 }}
              stroke="currentColor"
              width={240}
            />
            <Tooltip formatter={(value) => formats.ms(Number(value))} {...tooltipStyles} />
            <Bar dataKey="p95Ms" name="p95" fill={SERIES_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('route')}</th>
            <th scope="col">p95</th>
            <th scope="col">{t('requests')}</th>
          </tr>
        </thead>
        <tbody>
          {routes.map((route) => (
            <tr key={route.route}>
              <th scope="row">{route.route}</th>
              <td>{formats.ms(route.p95Ms)}</td>
              <td>{formats.count(route.requests)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
