import { sql } from 'drizzle-orm';

import { DatabaseDeadlineError } from './pg-error';
import type { Database, Tx } from './types';

/** Verified claims, in the shape Supabase Auth puts in its JWT. */
export type Claims = {
  sub?: string;
  role: 'anon' | 'authenticated';
  email?: string;
  session_id?: string;
  [claim: string]: unknown;
};

export const ANONYMOUS_CLAIMS: Claims = { role: 'anon' };

// Only these roles may be assumed from claims; anything else is a bug, not a request.
const ROLE_BY_CLAIM = { anon: 'anon', authenticated: 'authenticated' } as const;

/**
 * Server side, a statement run for a user may take this long (Supabase's default for
 * `authenticated`; SET ROLE does not apply a role's own setting, so it is set here).
 */
const STATEMENT_TIMEOUT = '8s';

/**
 * Client side, the whole transaction gets this long. A database that stopped
 * answering (a dead socket, a proxy that never completes startup) would otherwise
 * hold the request for as long as TCP takes to give up: minutes. Longer than the
 * statement timeout, so a merely slow statement is cancelled by the server first.
 */
export const TRANSACTION_DEADLINE_MS = 10_000;

/**
 * Runs a transaction under the deadline. When it passes, the caller is answered
 * (a 503) at once; the transaction, still waiting on the database, must then roll
 * back rather than commit later behind the caller's back, so `run` gets a check to
 * call at its start and before it returns (a throw inside rolls it back).
 */
export function withinDeadline<T>(
  run: (checkDeadline: () => void) => Promise<T>,
  ms = TRANSACTION_DEADLINE_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const checkDeadline = () => {
    if (expired) throw new DatabaseDeadlineError(ms);
  };
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new DatabaseDeadlineError(ms));
    }, ms);
  });
  const work = run(checkDeadline);
  // The late outcome is already answered for; keep it from surfacing as unhandled.
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

type CommitHook = () => unknown;

// The hooks of each open transaction opened below, by its handle.
const commitHooks = new WeakMap<Tx, CommitHook[]>();

/**
 * Runs `hook` once `tx` has committed, before the caller of `withRls` or
 * `withServiceRole` gets its result (nothing runs if the transaction rolls back).
 * For what must not happen before the commit is visible, e.g. dropping a cached copy
 * of a row: dropped earlier, a concurrent read could cache the old row again.
 */
export function afterCommit(tx: Tx, hook: CommitHook) {
  const hooks = commitHooks.get(tx);
  if (!hooks)
    throw new Error('afterCommit: the transaction was not opened by withRls or withServiceRole');
  hooks.push(hook);
}

/** Opens the transaction with a place for its commit hooks, and runs them after it. */
async function transactionWithHooks<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: CommitHook[] = [];
  const result = await db.transaction((tx) => {
    commitHooks.set(tx, hooks);
    return fn(tx);
  });
  for (const hook of hooks) await hook();
  return result;
}

/**
 * Runs `fn` in a transaction as the claims' role with the claims visible to RLS
 * policies (`auth.uid()`, `auth.jwt()`). Both settings go in one statement, as bound
 * parameters, and are local to the transaction, so nothing survives it (safe behind
 * a transaction pooler). The statement timeout rides along in the same statement.
 */
export async function withRls<T>(
  db: Database,
  claims: Claims,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!Object.hasOwn(ROLE_BY_CLAIM, claims.role)) {
    throw new Error(`withRls: role ${String(claims.role)} is not allowed`);
  }
  const role = ROLE_BY_CLAIM[claims.role];
  return withinDeadline((checkDeadline) =>
    transactionWithHooks(db, async (tx) => {
      checkDeadline();
      await tx.execute(
        sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${role}, true), set_config('statement_timeout', ${STATEMENT_TIMEOUT}, true)`,
      );
      const result = await fn(tx);
      checkDeadline();
      return result;
    }),
  );
}

/**
 * The explicit privileged path: `service_role` bypasses RLS. Only code that must act
 * for no particular user (webhooks, error intake, admin jobs) calls this, and its
 * callers say so in their names.
 */
export async function withServiceRole<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // No deadline here: jobs (audit prune, compliance exports) may rightly run long.
  return transactionWithHooks(db, async (tx) => {
    await tx.execute(
      sql`select set_config('request.jwt.claims', ${JSON.stringify({ role: 'service_role' })}, true), set_config('role', 'service_role', true)`,
    );
    return fn(tx);
  });
}
