'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { asCount, asMs } from './chart-data';
import { axisTick, CHART_HEIGHT, SERIES_COLOUR, tooltipStyles } from './chart-theme';

export type RouteLatency = { route: string; requests: number; p95Ms: number };

const TITLE = 'p95 latency by route';
// Route names are long, so the bars run sideways and each needs a line of its own.
const ROW_HEIGHT = 28;

/** The drawing is hidden from assistive technology; a hidden table has the numbers. */
export function RouteLatencyChart({ routes }: { routes: RouteLatency[] }) {
  const height = Math.max(CHART_HEIGHT, routes.length * ROW_HEIGHT + 40);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{TITLE}</figcaption>
      <div aria-hidden className="text-muted-foreground">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
          <BarChart
            data={routes}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 8, right: 24, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
            <XAxis type="number" tick={axisTick} stroke="currentColor" tickFormatter={asMs} />
            <YAxis
              type="category"
              dataKey="route"
              tick={{ ...axisTick, fontSize: 11 }}
              stroke="currentColor"
              width={240}
            />
            <Tooltip formatter={(value) => asMs(Number(value))} {...tooltipStyles} />
            <Bar dataKey="p95Ms" name="p95" fill={SERIES_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{TITLE}, slowest first</caption>
        <thead>
          <tr>
            <th scope="col">Route</th>
            <th scope="col">p95</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {routes.map((route) => (
            <tr key={route.route}>
              <th scope="row">{route.route}</th>
              <td>{asMs(route.p95Ms)}</td>
              <td>{asCount(route.requests)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
