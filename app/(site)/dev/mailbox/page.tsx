import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';

import { getDb } from '@/db/client';
import { listOutboxAsService } from '@/server/mail/mailer';
import { clientIpOf, isPrivateAddress } from '@/server/platform/http/client-ip';
import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

import { LiveRefresh } from './live-refresh';

export const metadata: Metadata = { title: 'Dev mailbox' };

const LINK = /https?:\/\/\S+/g;

/** Every email the app "sent" while no provider is configured. Only on a local app (stand-ins.ts). */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  // A local app that is reachable from the internet all the same (a server started
  // without APP_URL): the mailbox holds everyone's reset links, so it answers only
  // this machine and its network. Without a trusted client address (plain
  // `next dev`), nothing can be told apart and the local rule alone decides.
  const client = clientIpOf(await headers());
  if (client && !isPrivateAddress(client)) notFound();
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
              <pre className="mt-2 text-sm whitespace-pre-wrap">{message.textBody}</pre>
              <ul className="mt-2">
                {[...message.textBody.matchAll(LINK)].map(([url]) => (
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
