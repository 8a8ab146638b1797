'use client';

import { SearchIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { Input } from '@/app/_components/ui/input';

import { MethodBadge } from './method-badge';

export type SidebarEntry = { id: string; method: string; path: string; summary: string };
export type SidebarGroup = { tag: string; entries: SidebarEntry[] };

const matches = (entry: SidebarEntry, words: string[]) => {
  const text = `${entry.method} ${entry.path} ${entry.summary}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/** The operations by tag, with a search that narrows them (method, path or summary). */
export function ApiSidebar({ groups }: { groups: SidebarGroup[] }) {
  const t = useTranslations('docs.sidebar');
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = groups
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => matches(entry, words)) }))
    .filter((group) => group.entries.length > 0);
  const count = shown.reduce((sum, group) => sum + group.entries.length, 0);
  return (
    <div className="space-y-4">
      <label className="relative block">
        <span className="sr-only">{t('search')}</span>
        <SearchIcon
          aria-hidden
          className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
        />
        <Input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('placeholder')}
          className="pl-8"
        />
      </label>
      <p role="status" className="sr-only">
        {query ? t('matches', { count }) : ''}
      </p>
      <nav aria-label={t('operations')}>
        {shown.length === 0 && <p className="text-sm text-muted-foreground">{t('noMatch')}</p>}
        {shown.map((group) => (
          <div key={group.tag} className="mb-4">
            <a
              href={`#tag-${group.tag}`}
              className="block px-1 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase"
            >
              {group.tag}
            </a>
            <ul className="space-y-0.5">
              {group.entries.map((entry) => (
                <li key={entry.id}>
                  <a
                    href={`#${entry.id}`}
                    title={entry.summary}
                    className="flex items-center gap-2 rounded-md px-1 py-1 text-xs hover:bg-accent"
                  >
                    <MethodBadge method={entry.method} />
                    <span className="truncate font-mono">{entry.path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}
