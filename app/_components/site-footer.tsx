import { StatusBadge } from './status-badge';

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between dark:text-slate-400">
        <p>Lean SaaS — an open-source SaaS starter.</p>
        <StatusBadge />
      </div>
    </footer>
  );
}
