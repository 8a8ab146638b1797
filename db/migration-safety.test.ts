import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkMigrations } from './migration-safety';

// Findings in migrations that shipped before this check existed, and why they were
// harmless then. New migrations say so in the file (`-- lock-ok: <reason>`).
const SHIPPED_BEFORE_THE_CHECK: Record<string, string> = {
  '0004_auth_hardening.sql':
    'profiles was created by 0002 in the same, first release: no deployment held rows yet',
};

describe('migrations are safe to deploy', () => {
  it('lock or rewrite no table that may hold data, or say why it is acceptable', () => {
    const findings = checkMigrations(path.resolve(import.meta.dirname, '../drizzle')).filter(
      (finding) => !SHIPPED_BEFORE_THE_CHECK[finding.file],
    );
    expect(findings).toEqual([]);
  });

  it('catches each risky form on an existing table', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    writeFileSync(
      path.join(folder, '0001_risky.sql'),
      [
        'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");',
        'ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();',
        'ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE bigint;',
        'ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;',
        'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");',
        '-- lock-ok: the table is tiny\nCREATE INDEX "tags_idx" ON "tags" ("name");',
        'CREATE INDEX CONCURRENTLY "users_name_idx" ON "users" ("name");',
        'ALTER TABLE "posts" ADD CONSTRAINT "posts_len" CHECK (length(title) < 200) NOT VALID;',
        'CREATE TABLE "fresh" ("id" int);',
        'CREATE INDEX "fresh_idx" ON "fresh" ("id");',
        'ALTER TABLE "users" ADD COLUMN "note" text DEFAULT \'\';',
      ].join('\n--> statement-breakpoint\n'),
    );
    const problems = checkMigrations(folder).map((finding) => finding.problem.split(' ')[0]);
    expect(problems).toEqual(['CREATE', 'ADD', 'ALTER', 'SET', 'a']);
  });
});
