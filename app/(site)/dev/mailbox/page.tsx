import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';

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
      <h1 className="text-3xl font-bold tracking-tight">Dev mailbox</h1>
      <p className="text-slate-600 dark:text-slate-300">
        With no RESEND_API_KEY, emails land here instead of being sent. Newest first; new mail shows
        up by itself.
      </p>
      <LiveRefresh />
      {messages.length === 0 && <p>No messages yet.</p>}
      <ul className="space-y-4">
        {messages.map((message) => (
          <li
            key={message.id}
            className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          >
            <article aria-label={`Email to ${message.toAddress}: ${message.subject}`}>
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                To {message.toAddress} · {message.createdAt.toLocaleString()}
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
                    <a href={url} className="text-indigo-600 underline dark:text-indigo-400">
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
