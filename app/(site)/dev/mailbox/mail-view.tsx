'use client';

import { useTranslations } from 'next-intl';

import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/app/_components/ui/tabs';

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
const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

/** One mail, as Mailpit shows it: the HTML rendering, the text part, the headers. */
export function MailView({ id, from, to, subject, date, text }: MailViewProps) {
  const t = useTranslations('mailbox.view');
  // The mail's own header names, as any mail client shows them: not translated.
  const headers = { From: from, To: to, Subject: subject, Date: date, 'Message-ID': `<${id}>` };
  return (
    <Tabs defaultValue="html" className="mt-3">
      <TabsList aria-label={t('showAs')}>
        <TabsTrigger value="html">{t('html')}</TabsTrigger>
        <TabsTrigger value="text">{t('text')}</TabsTrigger>
        <TabsTrigger value="headers">{t('headers')}</TabsTrigger>
      </TabsList>
      {/* Mounted while hidden, so a switch of tab shows them at once and the
          HTML is not fetched again. */}
      <TabsContent value="html" forceMount className="mt-3 data-[state=inactive]:hidden">
        <iframe
          src={`/dev/mailbox/${id}/html`}
          title={t('htmlTitle', { subject })}
          sandbox={SANDBOX}
          loading="lazy"
          className="h-[30rem] w-full rounded-md border border-border bg-white"
        />
      </TabsContent>
      <TabsContent value="text" forceMount className="mt-3 data-[state=inactive]:hidden">
        <pre className="text-sm whitespace-pre-wrap">{text}</pre>
      </TabsContent>
      <TabsContent value="headers" forceMount className="mt-3 data-[state=inactive]:hidden">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {Object.entries(headers).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-medium text-muted-foreground">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </TabsContent>
    </Tabs>
  );
}
