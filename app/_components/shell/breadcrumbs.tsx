'use client';

import { ChevronRightIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { SEGMENT_LABELS } from './sections';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A segment in words: a known section, "Details" for a record's id, else itself (a slug). */
function labelOf(segment: string, t: ReturnType<typeof useTranslations<'shell'>>): string {
  const known = SEGMENT_LABELS[segment];
  if (known) return t(`nav.${known}`);
  if (RECORD_ID.test(segment)) return t('nav.details');
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape in a typed address: show it as typed rather than fail the page.
    return segment;
  }
}

/** Where this page sits: one link per level of its address, the last one the page itself. */
export function Breadcrumbs() {
  const t = useTranslations('shell');
  const segments = usePathname().split('/').filter(Boolean);
  const crumbs = segments.map((segment, index) => ({
    href: `/${segments.slice(0, index + 1).join('/')}`,
    label: labelOf(segment, t),
  }));
  return (
    <nav aria-label={t('breadcrumb')} className="min-w-0">
      <ol className="flex items-center gap-1 text-sm text-muted-foreground">
        {crumbs.map((crumb, index) => (
          <li key={crumb.href} className="flex min-w-0 items-center gap-1">
            {index > 0 && <ChevronRightIcon aria-hidden className="size-3.5 shrink-0" />}
            {index === crumbs.length - 1 ? (
              <span aria-current="page" className="truncate font-medium text-foreground">
                {crumb.label}
              </span>
            ) : (
              <Link href={crumb.href} className="truncate hover:text-foreground">
                {crumb.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
