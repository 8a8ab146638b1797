import { Section } from '../_components/section';
import { hintClass } from '../_components/styles';
import type { SystemOverview } from '../_components/types';
import { RouteLatencyChart, type RouteLatency } from './route-latency-chart';

type RouteMetrics = SystemOverview['metrics']['routes'][number];

const SHOWN = 10;

/** The slowest routes first: the ones worth a look. */
function slowest(routes: RouteMetrics[]): RouteLatency[] {
  return routes
    .flatMap(({ route, requests, p95Ms }) => (p95Ms === null ? [] : [{ route, requests, p95Ms }]))
    .sort((a, b) => b.p95Ms - a.p95Ms)
    .slice(0, SHOWN);
}

export function LatencySection({ routes }: { routes: RouteMetrics[] }) {
  const shown = slowest(routes);
  return (
    <Section title="Latency">
      <p className={hintClass}>
        The {SHOWN} slowest routes of this server process by 95th percentile, over the last 10
        minutes.
      </p>
      {shown.length === 0 ? <p>No timed requests yet.</p> : <RouteLatencyChart routes={shown} />}
    </Section>
  );
}
