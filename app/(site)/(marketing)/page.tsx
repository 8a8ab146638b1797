import {
  ArrowRightIcon,
  FileCode2Icon,
  LaptopIcon,
  RocketIcon,
  ShieldCheckIcon,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';

const FEATURES = [
  [FileCode2Icon, 'typedApi'],
  [ShieldCheckIcon, 'rls'],
  [LaptopIcon, 'laptop'],
  [RocketIcon, 'production'],
] as const satisfies [LucideIcon, string][];

const INCLUDED = [
  'accounts',
  'organizations',
  'apiKeys',
  'subscriptions',
  'operations',
  'admin',
] as const;

export default function LandingPage() {
  const t = useTranslations('marketing.landing');
  return (
    <div className="space-y-16">
      <section className="space-y-5 pt-6">
        <Badge tone="brand">{t('badge')}</Badge>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{t('intro')}</p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/sign-up">
              {t('getStarted')}
              <ArrowRightIcon aria-hidden />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/docs/api">{t('exploreApi')}</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="features">
        <h2 id="features" className="sr-only">
          {t('featuresHeading')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map(([Icon, key]) => (
            <li key={key}>
              <Card className="h-full p-5">
                <Icon aria-hidden className="mb-3 size-6 text-indigo-600 dark:text-indigo-400" />
                <h3 className="font-semibold">{t(`features.${key}.title`)}</h3>
                <p className="mt-1 text-muted-foreground">{t(`features.${key}.text`)}</p>
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
            {t('includedHeading')}
          </h2>
          <p className="text-muted-foreground">{t('includedText')}</p>
          <Button asChild variant="outline">
            <Link href="/pricing">{t('seePlans')}</Link>
          </Button>
        </div>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {INCLUDED.map((item) => (
            <li key={item} className="flex gap-2">
              <ShieldCheckIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
              {t(`included.${item}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
