import { getTranslations } from 'next-intl/server';

import { StatusBadge } from './status-badge';

export async function SiteFooter() {
  const t = await getTranslations('shell');
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between">
        <p>{t('footer')}</p>
        <StatusBadge />
      </div>
    </footer>
  );
}
