import { createHmac } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { nowSeconds } from './ids';

/** Like Stripe, a receiver gets this long to answer before the attempt counts as failed. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/** The `stripe-signature` header `stripe.webhooks.constructEvent` verifies. */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export type WebhookDispatcher = {
  /** Starts delivering an event; returns at once. */
  enqueue(eventId: string): void;
  /** Resolves once nothing is being delivered or waiting for a retry. */
  flush(): Promise<void>;
  /** Stops: clears retry timers, aborts attempts in flight, releases `flush` waiters. */
  close(): void;
};

type DispatcherOptions = {
  secret: string;
  retryDelaysMs: number[];
  /** Read at each attempt, so a changed URL applies to retries too; none drops the delivery. */
  url(): string | undefined;
  /** The event's JSON as of now (its `pending_webhooks` changes), or undefined if gone. */
  payload(eventId: string): string | undefined;
  onDelivered(eventId: string): void;
};

/**
 * Delivers events to one endpoint. First attempts go out one at a time in creation
 * order, so a healthy receiver sees events in the order they happened; a failed
 * attempt is retried on its own timer (`retryDelaysMs[n]` after attempt n+1), so a
 * failing event never holds back the others. After the last delay it is given up.
 */
export function createWebhookDispatcher(options: DispatcherOptions): WebhookDispatcher {
  let closed = false;
  let pending = 0;
  let waiters: (() => void)[] = [];
  let firstAttempts: Promise<void> = Promise.resolve();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<ClientRequest>();

  const releaseWaiters = () => {
    const released = waiters;
    waiters = [];
    for (const resolve of released) resolve();
  };

  const settle = () => {
    pending -= 1;
    if (pending === 0) releaseWaiters();
  };

  function post(url: string, payload: string): Promise<boolean> {
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve(false);
        return;
      }
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(target, {
        method: 'POST',
        agent: false, // a fresh connection: nothing lingers to keep the process alive
        timeout: ATTEMPT_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(payload),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload, options.secret, nowSeconds()),
          'cache-control': 'no-cache',
        },
      });
      inFlight.add(request);
      request.on('response', (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(status >= 200 && status < 300);
      });
      request.on('timeout', () => request.destroy(new Error('webhook attempt timed out')));
      request.on('error', () => resolve(false));
      request.on('close', () => {
        inFlight.delete(request);
        resolve(false); // no-op when an answer already came
      });
      request.end(payload);
    });
  }

  async function attempt(eventId: string, index: number): Promise<void> {
    if (closed) return;
    const url = options.url();
    const payload = options.payload(eventId);
    if (!url || payload === undefined) return settle();
    const delivered = await post(url, payload);
    if (closed) return;
    if (delivered) {
      options.onDelivered(eventId);
      return settle();
    }
    const delay = options.retryDelaysMs[index];
    if (delay === undefined) return settle();
    const timer = setTimeout(() => {
      timers.delete(timer);
      void safeAttempt(eventId, index + 1);
    }, delay);
    timers.add(timer);
  }

  /** An unexpected failure (say, the state file cannot be written) must not wedge the queue. */
  async function safeAttempt(eventId: string, index: number): Promise<void> {
    try {
      await attempt(eventId, index);
    } catch (error) {
      console.error('stripe-emulator: webhook delivery failed unexpectedly', error);
      if (!closed) settle();
    }
  }

  return {
    enqueue(eventId) {
      if (closed) return;
      pending += 1;
      firstAttempts = firstAttempts.then(() => safeAttempt(eventId, 0));
    },
    flush() {
      if (pending === 0 || closed) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const request of inFlight) request.destroy();
      inFlight.clear();
      pending = 0;
      releaseWaiters();
    },
  };
}
