import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { listTeamsAsService } from '@/server/organizations/admin-list';

/** Teams for the admin area, newest first. */
export async function organizationsAsAdmin(db: Database, input: { query?: string; limit: number }) {
  return { items: await withServiceRole(db, (tx) => listTeamsAsService(tx, input)) };
}
