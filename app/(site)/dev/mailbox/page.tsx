import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { InboxIcon } from 'lucide-react';

import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { textLinkClass } from '@/app/_components/ui/text-link';
import { getDb } from '@/db/client';
import { devMailboxServes, listOutboxAsService, outboxSender } from '@/server/mail/dev-mailbox';

import { LiveRefresh } from './live-refresh';
import { MailView } from './mail-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox');
  return { title: t('metaTitle') };
}

const LINK = /https?:\/\/\S+/g;

/** Every email the app "sent" while no provider is configured. Only on a local app (stand-ins.ts). */
export default async function DevMailboxPage() {
  if (!devMailboxServes(await headers())) notFound();
  const messages = await listOutboxAsService(await getDb());
  const t = await getTranslations('mailbox');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('description')} />
      <LiveRefresh />
      {messages.length === 0 && (
        <EmptyState icon={InboxIcon} title={t('empty.title')}>
          {t('empty.text')}
        </EmptyState>
      )}
      <ul className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-lg border border-border bg-card p-4">
            <article
              aria-label={t('message.label', { to: message.toAddress, subject: message.subject })}
            >
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-muted-foreground">
                {t('message.to', { to: message.toAddress })} ·{' '}
                <DateTime value={message.createdAt} />
              </p>
              <MailView
                id={message.id}
                from={outboxSender()}
                to={message.toAddress}
                subject={message.subject}
                date={message.createdAt.toUTCString()}
                text={message.textBody}
              />
              {/* The text part's links, one click away (and where tests read them). */}
              <ul className="mt-3">
                {[...new Set(message.textBody.match(LINK))].map((url) => (
                  <li key={url}>
                    <a href={url} className={textLinkClass}>
                      {t('message.openLink')}
                    </a>
                  </li>
                ))}
              </ul>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
