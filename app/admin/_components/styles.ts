export const primaryButtonClass =
  'rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60';

export const secondaryButtonClass =
  'rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900';

export const smallButtonClass =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900';

export const dangerButtonClass =
  'rounded-md border border-red-400 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950';

export const linkClass = 'text-indigo-600 underline dark:text-indigo-400';

export const hintClass = 'text-sm text-slate-600 dark:text-slate-300';
