'use client';

import { LogOutIcon, UserIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Button } from '../ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { useSignOut } from '../use-sign-out';

import { LanguageRadioItems } from './language-choice';
import { ThemeRadioItems } from './theme-choice';

/** The signed-in person's menu: who they are, their profile, theme and language, sign out. */
export function AccountMenu({ email }: { email: string | null }) {
  const t = useTranslations('shell');
  const signOut = useSignOut();
  const name = email ?? t('yourAccount');
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="gap-2 px-2" aria-label={t('accountMenu')}>
          <span
            aria-hidden
            className="flex size-7 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground uppercase"
          >
            {name.slice(0, 1)}
          </span>
          <span className="hidden max-w-48 truncate text-sm sm:inline">{name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="truncate font-normal text-muted-foreground">
          {name}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/dashboard/profile">
            <UserIcon aria-hidden />
            {t('nav.profile')}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        {/* Inline rather than a submenu: one arrow key, or one straight pointer move, away. */}
        <DropdownMenuGroup aria-label={t('theme')}>
          <DropdownMenuLabel className="text-xs text-muted-foreground">
            {t('theme')}
          </DropdownMenuLabel>
          <ThemeRadioItems />
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuGroup aria-label={t('language')}>
          <DropdownMenuLabel className="text-xs text-muted-foreground">
            {t('language')}
          </DropdownMenuLabel>
          <LanguageRadioItems signedIn />
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut.mutate()} disabled={signOut.isPending}>
          <LogOutIcon aria-hidden />
          {t('signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
