import { useTranslations } from 'next-intl';

import { CopyButton } from './copy-button';

/** A snippet to copy: a labelled, scrollable block with a copy button. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  const t = useTranslations('common');
  return (
    <figure className="space-y-2">
      <figcaption className="flex items-center justify-between gap-2 text-sm font-medium">
        {label}
        <CopyButton text={code} label={t('copySnippet', { label })} />
      </figcaption>
      <pre
        tabIndex={0}
        className="overflow-x-auto rounded-md border border-border bg-muted/50 p-3 text-xs leading-relaxed"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
