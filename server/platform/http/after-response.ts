import { after } from 'next/server';

import type { Defer } from './background';

/**
 * Next.js runs `after` callbacks once the response is sent and keeps the function
 * running for them (waitUntil on Vercel), so deferred work is not lost when a
 * serverless instance would otherwise freeze. Valid in route handlers only: outside
 * a request it throws, which is why tests pass their own Defer.
 */
export const afterResponse: Defer = (task) => after(task);
