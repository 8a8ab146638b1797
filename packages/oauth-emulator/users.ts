import { createHash } from 'node:crypto';

/** Someone to sign in as: a fixed test user or any address typed on the page. */
export type TestUser = { email: string; name: string; verified: boolean };

/** Offered on the sign-in page; the last one's address is not vouched for. */
export const TEST_USERS: readonly TestUser[] = [
  { email: 'ada@example.com', name: 'Ada Lovelace', verified: true },
  { email: 'grace@example.com', name: 'Grace Hopper', verified: true },
  { email: 'mallory@example.com', name: 'Mallory (unverified address)', verified: false },
];

/**
 * A stable account id per flavour and address (GitHub's are numbers, OIDC's `sub`
 * strings), so signing in twice as the same user is the same provider account.
 */
export function accountIdOf(flavour: string, email: string): string {
  const digest = createHash('sha256').update(`${flavour}:${email.toLowerCase()}`).digest();
  return flavour === 'github' ? String(digest.readUInt32BE(0)) : digest.toString('hex');
}
