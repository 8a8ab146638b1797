'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type { MinutePoint } from './chart-data';
import { axisTick, CHART_HEIGHT, SERIES_COLOUR, tooltipStyles } from './chart-theme';
import { MinuteTable } from './minute-table';

/**
 * One per-minute series as a line. The drawing is hidden from assistive technology;
 * the same numbers are in a visually hidden table.
 */
export function MinuteChart({
  title,
  points,
  format,
}: {
  title: string;
  points: MinutePoint[];
  format: (value: number) => string;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div aria-hidden className="text-muted-foreground">
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: 480, height: CHART_HEIGHT }}
        >
          <LineChart
            data={points}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis dataKey="label" tick={axisTick} stroke="currentColor" minTickGap={24} />
            <YAxis
              tick={axisTick}
              stroke="currentColor"
              width={56}
              allowDecimals={false}
              tickFormatter={format}
            />
            <Tooltip formatter={(value) => format(Number(value))} {...tooltipStyles} />
            <Line
              type="monotone"
              dataKey="value"
              name={title}
              stroke={SERIES_COLOUR}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <MinuteTable title={title} points={points} format={format} />
    </figure>
  );
}
