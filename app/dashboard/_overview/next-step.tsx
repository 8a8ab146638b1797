import {
  CircleCheckIcon,
  KeyRoundIcon,
  MailIcon,
  SparklesIcon,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/app/_components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';

type Step = {
  icon: LucideIcon;
  title: string;
  text: string;
  action?: { href: string; label: string };
};

/** The one thing a new account should do next, in the order they unlock each other. */
export function nextStepFor(account: {
  emailVerified: boolean;
  hasApiKey: boolean;
  paid: boolean;
}): Step {
  if (!account.emailVerified) {
    return {
      icon: MailIcon,
      title: 'Confirm your email address',
      text: 'Open the link we mailed you when you signed up. Until you confirm, some actions stay closed. Lost the mail? Sign out and sign in again: we send a fresh link.',
    };
  }
  if (!account.hasApiKey) {
    return {
      icon: KeyRoundIcon,
      title: 'Create your first API key',
      text: 'A key lets your code call the API below, with only the scopes you give it.',
      action: { href: '/dashboard/api-keys', label: 'Create a key' },
    };
  }
  if (!account.paid) {
    return {
      icon: SparklesIcon,
      title: 'Upgrade when you need more',
      text: 'Pro raises your request limit and the number of keys and team members.',
      action: { href: '/pricing', label: 'See the plans' },
    };
  }
  return {
    icon: CircleCheckIcon,
    title: 'You are all set',
    text: 'Your address is confirmed, you have a key and a paid plan.',
  };
}

export function NextStep({ step }: { step: Step }) {
  const Icon = step.icon;
  return (
    <Card className="border-indigo-200 bg-indigo-50/60 dark:border-indigo-900 dark:bg-indigo-950/40">
      <CardHeader className="flex-row items-start gap-3">
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-indigo-700 dark:text-indigo-300" />
        <div className="space-y-1">
          <CardTitle>Next step: {step.title}</CardTitle>
          <CardDescription>{step.text}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="pt-4">
        {step.action && (
          <Button asChild size="sm">
            <Link href={step.action.href}>{step.action.label}</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
