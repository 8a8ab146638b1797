'use client';

import { Tabs } from 'radix-ui';

export type MailViewProps = {
  id: string;
  from: string;
  to: string;
  subject: string;
  /** As a mail's Date header writes it. */
  date: string;
  text: string;
};

// The iframe's sandbox matches the CSP the HTML is served with: no scripts, an
// opaque origin, and links that open (in a new tab, outside the sandbox) only on a click.
const SANDBOX =
  'allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

const TAB =
  'rounded-t-md border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-slate-600 ' +
  'hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700 ' +
  'dark:text-slate-300 dark:data-[state=active]:text-indigo-300';

/** One mail, as Mailpit shows it: the HTML rendering, the text part, the headers. */
export function MailView({ id, from, to, subject, date, text }: MailViewProps) {
  const headers = { From: from, To: to, Subject: subject, Date: date, 'Message-ID': `<${id}>` };
  return (
    <Tabs.Root defaultValue="html" className="mt-3">
      <Tabs.List
        aria-label="Show the mail as"
        className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
      >
        <Tabs.Trigger value="html" className={TAB}>
          HTML
        </Tabs.Trigger>
        <Tabs.Trigger value="text" className={TAB}>
          Text
        </Tabs.Trigger>
        <Tabs.Trigger value="headers" className={TAB}>
          Headers
        </Tabs.Trigger>
      </Tabs.List>
      {/* Mounted while hidden, so a switch of tab shows them at once and the
          HTML is not fetched again. */}
      <Tabs.Content value="html" forceMount className="pt-3 data-[state=inactive]:hidden">
        <iframe
          src={`/dev/mailbox/${id}/html`}
          title={`HTML of “${subject}”`}
          sandbox={SANDBOX}
          loading="lazy"
          className="h-[30rem] w-full rounded-md border border-slate-200 bg-white dark:border-slate-800"
        />
      </Tabs.Content>
      <Tabs.Content value="text" forceMount className="pt-3 data-[state=inactive]:hidden">
        <pre className="text-sm whitespace-pre-wrap">{text}</pre>
      </Tabs.Content>
      <Tabs.Content value="headers" forceMount className="pt-3 data-[state=inactive]:hidden">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {Object.entries(headers).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-medium text-slate-600 dark:text-slate-400">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Tabs.Content>
    </Tabs.Root>
  );
}
