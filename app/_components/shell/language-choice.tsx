'use client';

import { useMutation } from '@tanstack/react-query';
import { LanguagesIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale } from '@/server/i18n/locales';

import { useTRPC } from '../trpc-provider';
import { Button } from '../ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { toast } from '../ui/toaster';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switches the language: this browser keeps it in a cookie, and a signed-in person's
 * profile keeps it for every device (the profile wins, so it is written first).
 */
function useChooseLocale(signedIn: boolean) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('shell');
  const saveOnProfile = useMutation(trpc.me.update.mutationOptions());
  return async (value: string) => {
    if (!isLocale(value)) return;
    try {
      if (signedIn) await saveOnProfile.mutateAsync({ locale: value });
    } catch {
      toast.error(t('languageNotSaved'));
      return;
    }
    document.cookie = `${LOCALE_COOKIE}=${value}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
    router.refresh();
  };
}

/** The languages as menu items, each named in itself (the account menu, the site header). */
export function LanguageRadioItems({ signedIn }: { signedIn: boolean }) {
  const locale = useLocale();
  const choose = useChooseLocale(signedIn);
  return (
    <DropdownMenuRadioGroup value={locale} onValueChange={choose}>
      {LOCALES.map((value) => (
        <DropdownMenuRadioItem key={value} value={value} lang={value}>
          {LOCALE_NAMES[value]}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenuRadioGroup>
  );
}

/** A button that opens the language choices, for pages without the account menu. */
export function LanguageMenu({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('shell');
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('language')}>
          <LanguagesIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-36">
        <LanguageRadioItems signedIn={signedIn} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
