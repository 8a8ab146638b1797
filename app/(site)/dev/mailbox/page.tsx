import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';

import { InboxIcon } from 'lucide-react';

import { DateTime } from '@/app/_components/ui/date-time';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { textLinkClass } from '@/app/_components/ui/text-link';
import { getDb } from '@/db/client';
import { devMailboxServes, listOutboxAsService, outboxSender } from '@/server/mail/dev-mailbox';

import { LiveRefresh } from './live-refresh';
import { MailView } from './mail-view';

export const metadata: Metadata = { title: 'Dev mailbox' };

const LINK = /https?:\/\/\S+/g;

/** Every email the app "sent" while no provider is configured. Only on a local app (stand-ins.ts). */
export default async function DevMailboxPage() {
  if (!devMailboxServes(await headers())) notFound();
  const messages = await listOutboxAsService(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Dev mailbox"
        description="With no RESEND_API_KEY, emails land here instead of being sent. Newest first; new mail shows up by itself."
      />
      <LiveRefresh />
      {messages.length === 0 && (
        <EmptyState icon={InboxIcon} title="No messages yet.">
          Sign up, reset a password or invite someone: the mail appears here.
        </EmptyState>
      )}
      <ul className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-lg border border-border bg-card p-4">
            <article aria-label={`Email to ${message.toAddress}: ${message.subject}`}>
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-muted-foreground">
                To {message.toAddress} · <DateTime value={message.createdAt} />
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
                      Open link
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
