import Link from 'next/link';

const FEATURES = [
  [
    'Typed API, two ways',
    'tRPC for your dashboard and TypeScript clients, REST + OpenAPI for everyone else.',
  ],
  ['Row Level Security', 'Every query runs as the caller, so Postgres itself keeps users apart.'],
  ['Runs on a laptop', 'Embedded Postgres and local stand-ins: no cloud account needed to start.'],
  ['Production path', 'Set the variables and the same code talks to Supabase, Stripe and Upstash.'],
] as const;

export default function LandingPage() {
  return (
    <div className="space-y-12">
      <section className="space-y-4">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Ship your SaaS, not its plumbing.
        </h1>
        <p className="max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Lean SaaS gives you accounts, API keys, billing, rate limits, audit logs and a public API
          — already working, tested and secure — so you only build your own feature.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/sign-up"
            className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
          >
            Get started
          </Link>
          <Link
            href="/docs/api"
            className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            Explore the API
          </Link>
        </div>
      </section>
      <section aria-labelledby="features">
        <h2 id="features" className="sr-only">
          Features
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map(([title, text]) => (
            <li
              key={title}
              className="rounded-lg border border-slate-200 p-5 dark:border-slate-800"
            >
              <h3 className="font-semibold">{title}</h3>
              <p className="mt-1 text-slate-600 dark:text-slate-400">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
