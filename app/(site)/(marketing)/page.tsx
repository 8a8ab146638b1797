import {
  ArrowRightIcon,
  FileCode2Icon,
  LaptopIcon,
  RocketIcon,
  ShieldCheckIcon,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';

import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';

const FEATURES: [LucideIcon, string, string][] = [
  [
    FileCode2Icon,
    'Typed API, two ways',
    'tRPC for your dashboard and TypeScript clients, REST + OpenAPI for everyone else.',
  ],
  [
    ShieldCheckIcon,
    'Row Level Security',
    'Every query runs as the caller, so Postgres itself keeps users apart.',
  ],
  [
    LaptopIcon,
    'Runs on a laptop',
    'Embedded Postgres and local stand-ins: no cloud account needed to start.',
  ],
  [
    RocketIcon,
    'Production path',
    'Set the variables and the same code talks to Supabase, Stripe and Upstash.',
  ],
];

const INCLUDED = [
  'Accounts, sessions and email confirmation',
  'Organizations with roles and invitations',
  'API keys with scopes',
  'Stripe subscriptions, per seat',
  'Rate limits, audit log, health and metrics',
  'An admin area',
];

export default function LandingPage() {
  return (
    <div className="space-y-16">
      <section className="space-y-5 pt-6">
        <Badge tone="brand">Open source · TypeScript · Next.js</Badge>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Ship your SaaS, not its plumbing.
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Lean SaaS gives you accounts, API keys, billing, rate limits, audit logs and a public API
          — already working, tested and secure — so you only build your own feature.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/sign-up">
              Get started
              <ArrowRightIcon aria-hidden />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/docs/api">Explore the API</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="features">
        <h2 id="features" className="sr-only">
          Features
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map(([Icon, title, text]) => (
            <li key={title}>
              <Card className="h-full p-5">
                <Icon aria-hidden className="mb-3 size-6 text-indigo-600 dark:text-indigo-400" />
                <h3 className="font-semibold">{title}</h3>
                <p className="mt-1 text-muted-foreground">{text}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section
        aria-labelledby="included"
        className="grid gap-8 rounded-xl border border-border bg-muted/40 p-8 md:grid-cols-2"
      >
        <div className="space-y-3">
          <h2 id="included" className="text-2xl font-bold tracking-tight">
            Already in the box
          </h2>
          <p className="text-muted-foreground">
            Clone it, run one command, and every part below works on your machine, with tests.
          </p>
          <Button asChild variant="outline">
            <Link href="/pricing">See the plans</Link>
          </Button>
        </div>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {INCLUDED.map((item) => (
            <li key={item} className="flex gap-2">
              <ShieldCheckIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
              {item}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
