import { metrics } from './metrics';

const HEALTH_ROUTE = 'GET /api/v1/health';

/** What the counters say, summed, at one instant. */
type Totals = {
  requests: number;
  serverErrors: number;
  cacheHits: number;
  cacheLookups: number;
  rateLimitRefusals: number;
};

/** One minute of this process's traffic. */
export type MinuteSample = Totals & { minute: string };

const MINUTES_KEPT = 60;

type History = { samples: MinuteSample[]; last: Totals | null; timer?: NodeJS.Timeout };
const holder = globalThis as typeof globalThis & { __leanSaasMetricHistory?: History };
const history = (): History => (holder.__leanSaasMetricHistory ??= { samples: [], last: null });

type Sample = { labels: Record<string, string | number>; value: number };

async function totalsNow(): Promise<Totals> {
  const { requests, cacheResults, rateLimitDecisions } = metrics();
  const [requestValues, cacheValues, limitValues] = await Promise.all([
    requests.get(),
    cacheResults.get(),
    rateLimitDecisions.get(),
  ]);
  const sum = (values: Sample[], keep: (sample: Sample) => boolean) =>
    values.filter(keep).reduce((total, sample) => total + sample.value, 0);
  const isLookup = (sample: Sample) => sample.labels.result !== 'error';
  // Health checks are left out: their 503s mirror an outage rather than add to it,
  // and would hold the error-rate alert up after the database is back.
  const isTraffic = (sample: Sample) => sample.labels.route !== HEALTH_ROUTE;
  return {
    requests: sum(requestValues.values, isTraffic),
    serverErrors: sum(
      requestValues.values,
      (sample) => isTraffic(sample) && Number(sample.labels.status) >= 500,
    ),
    cacheHits: sum(cacheValues.values, (sample) => String(sample.labels.result).startsWith('hit')),
    cacheLookups: sum(cacheValues.values, isLookup),
    rateLimitRefusals: sum(limitValues.values, (sample) =>
      String(sample.labels.outcome).startsWith('refused'),
    ),
  };
}

// A counter that went down was reset: then everything it counted is new.
const delta = (now: number, before: number) => (now >= before ? now - before : now);

const minus = (a: Totals, b: Totals): Totals => ({
  requests: delta(a.requests, b.requests),
  serverErrors: delta(a.serverErrors, b.serverErrors),
  cacheHits: delta(a.cacheHits, b.cacheHits),
  cacheLookups: delta(a.cacheLookups, b.cacheLookups),
  rateLimitRefusals: delta(a.rateLimitRefusals, b.rateLimitRefusals),
});

/** Records the minute that just ended (the difference since the previous call). */
export async function sampleMinute(now = new Date()) {
  const state = history();
  const totals = await totalsNow();
  if (state.last) {
    // Labelled with the minute the counts belong to: the one that just ended.
    const minute = new Date(now.getTime() - 60_000).toISOString().slice(0, 16);
    state.samples.push({ minute, ...minus(totals, state.last) });
    if (state.samples.length > MINUTES_KEPT) state.samples.shift();
  }
  state.last = totals;
}

/**
 * Starts sampling once a minute (at server start). Per process: on several
 * instances each keeps its own hour; Prometheus (`/api/metrics`) is the fleet view.
 */
export function startMetricHistory() {
  const state = history();
  if (state.timer) return;
  void sampleMinute();
  state.timer = setInterval(() => void sampleMinute(), 60_000);
  state.timer.unref();
}

/** The last hour, oldest first. */
export const minuteHistory = (): MinuteSample[] => [...history().samples];

/** Fewer requests than this say nothing about a rate (one 5xx in ten is noise). */
export const MIN_REQUESTS_FOR_A_RATE = 50;

/**
 * The share of requests that failed with a 5xx over the last `minutes` sampled
 * minutes; null until there are enough requests to judge by. Per process: on
 * serverless platforms a function rarely lives a minute, so this stays null there.
 */
export function recentErrorRate(minutes = 5): number | null {
  const recent = history().samples.slice(-minutes);
  const requests = recent.reduce((total, sample) => total + sample.requests, 0);
  if (requests < MIN_REQUESTS_FOR_A_RATE) return null;
  return recent.reduce((total, sample) => total + sample.serverErrors, 0) / requests;
}
