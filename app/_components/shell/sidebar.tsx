'use client';

import { MenuIcon, PanelLeftCloseIcon, PanelLeftOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';

import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '../ui/sheet';
import { Tooltip } from '../ui/tooltip';

import { activeHref, ADMIN_SECTION, DASHBOARD_SECTION, type NavSection } from './sections';

export const SIDEBAR_COOKIE = 'sidebar';

function SectionLinks({ section, collapsed }: { section: NavSection; collapsed: boolean }) {
  const t = useTranslations('shell.nav');
  const pathname = usePathname();
  const active = activeHref(pathname, section.links);
  return (
    <nav aria-label={t(section.label)}>
      <p
        className={cn(
          'px-2 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase',
          collapsed && 'sr-only',
        )}
      >
        {t(section.label)}
      </p>
      <ul className="space-y-0.5">
        {section.links.map(({ href, label, icon: Icon }) => {
          const link = (
            <Link
              href={href}
              aria-current={href === active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent',
                href === active && 'bg-accent font-medium',
                collapsed && 'justify-center',
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              <span className={cn(collapsed && 'sr-only')}>{t(label)}</span>
            </Link>
          );
          // Collapsed, only the icon shows: its name comes up on hover and on focus.
          return (
            <li key={href}>{collapsed ? <Tooltip content={t(label)}>{link}</Tooltip> : link}</li>
          );
        })}
      </ul>
    </nav>
  );
}

function SidebarBody({
  isAdmin,
  collapsed,
  switcher,
}: {
  isAdmin: boolean;
  collapsed: boolean;
  switcher: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      {!collapsed && switcher}
      <SectionLinks section={DASHBOARD_SECTION} collapsed={collapsed} />
      {isAdmin && <SectionLinks section={ADMIN_SECTION} collapsed={collapsed} />}
    </div>
  );
}

/**
 * The app's sections down the left. On a wide screen it collapses to icons (the choice
 * is kept in a cookie, so the next page renders it the same way at once); on a phone
 * it is a sheet opened from the top bar.
 */
export function Sidebar({
  isAdmin,
  initiallyCollapsed,
  switcher,
}: {
  isAdmin: boolean;
  initiallyCollapsed: boolean;
  switcher: ReactNode;
}) {
  const t = useTranslations('shell');
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const toggle = () => {
    setCollapsed(!collapsed);
    document.cookie = `${SIDEBAR_COOKIE}=${collapsed ? 'open' : 'collapsed'}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <aside
      className={cn(
        'sticky top-0 hidden h-screen shrink-0 flex-col gap-4 overflow-y-auto border-r border-border bg-muted/30 p-3 md:flex',
        collapsed ? 'w-16' : 'w-64',
      )}
    >
      <div className={cn('flex items-center', collapsed ? 'justify-center' : 'justify-between')}>
        {!collapsed && (
          <Link href="/" className="px-2 text-lg font-semibold tracking-tight">
            Lean SaaS
          </Link>
        )}
        <Button
          variant="ghost"
          size="icon"
          onClick={toggle}
          aria-label={collapsed ? t('expandSidebar') : t('collapseSidebar')}
          aria-expanded={!collapsed}
        >
          {collapsed ? <PanelLeftOpenIcon aria-hidden /> : <PanelLeftCloseIcon aria-hidden />}
        </Button>
      </div>
      <SidebarBody isAdmin={isAdmin} collapsed={collapsed} switcher={switcher} />
    </aside>
  );
}

/** The sidebar's content in a sheet, for narrow screens. */
export function MobileSidebar({ isAdmin, switcher }: { isAdmin: boolean; switcher: ReactNode }) {
  // Open on the page it was opened on: any navigation closes it, the organization
  // switcher's included.
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t('openMenu')}>
          <MenuIcon aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent aria-describedby={undefined}>
        <SheetTitle className="px-2 text-lg font-semibold">Lean SaaS</SheetTitle>
        <SidebarBody isAdmin={isAdmin} collapsed={false} switcher={switcher} />
      </SheetContent>
    </Sheet>
  );
}
