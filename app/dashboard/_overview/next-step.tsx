import {
  CircleCheckIcon,
  KeyRoundIcon,
  MailIcon,
  SparklesIcon,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Button } from '@/app/_components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';

/** A step's words are the messages under `overview.nextStep.<id>`. */
type Step =
  | { id: 'confirmEmail' | 'done'; icon: LucideIcon }
  | { id: 'createKey' | 'upgrade'; icon: LucideIcon; href: string };

/** The one thing a new account should do next, in the order they unlock each other. */
export function nextStepFor(account: {
  emailVerified: boolean;
  hasApiKey: boolean;
  paid: boolean;
}): Step {
  if (!account.emailVerified) return { id: 'confirmEmail', icon: MailIcon };
  if (!account.hasApiKey)
    return { id: 'createKey', icon: KeyRoundIcon, href: '/dashboard/api-keys' };
  if (!account.paid) return { id: 'upgrade', icon: SparklesIcon, href: '/pricing' };
  return { id: 'done', icon: CircleCheckIcon };
}

export function NextStep({ step }: { step: Step }) {
  const t = useTranslations('overview.nextStep');
  const Icon = step.icon;
  return (
    <Card className="border-indigo-200 bg-indigo-50/60 dark:border-indigo-900 dark:bg-indigo-950/40">
      <CardHeader className="flex-row items-start gap-3">
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-indigo-700 dark:text-indigo-300" />
        <div className="space-y-1">
          <CardTitle>{t(`${step.id}.title`)}</CardTitle>
          <CardDescription>{t(`${step.id}.text`)}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="pt-4">
        {'href' in step && (
          <Button asChild size="sm">
            <Link href={step.href}>{t(`${step.id}.action`)}</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
