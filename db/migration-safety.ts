import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds statements in our SQL migrations that would lock or rewrite a table that
 * already holds data, where a safer form exists. A statement is acceptable when the
 * lines just before it say why with `-- lock-ok: <reason>` (for instance: the table
 * is new in this release and still empty). Drizzle runs each migration in a
 * transaction, where CREATE INDEX CONCURRENTLY is not possible: for a large table,
 * create that index by hand first, then let the migration's IF NOT EXISTS skip it.
 */
export type Finding = { file: string; statement: string; problem: string };

const VOLATILE_DEFAULT =
  /\bDEFAULT\s+(now\(\)|clock_timestamp\(\)|random\(\)|gen_random_uuid\(\)|uuid_generate_v4\(\))/i;

const RULES: { problem: string; matches: (sql: string) => boolean }[] = [
  {
    problem: 'CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds',
    matches: (sql) => /^CREATE\s+(UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY)/i.test(sql),
  },
  {
    problem: 'ADD COLUMN with a volatile default rewrites every row under an exclusive lock',
    matches: (sql) => /\bADD\s+COLUMN\b/i.test(sql) && VOLATILE_DEFAULT.test(sql),
  },
  {
    problem: 'ALTER COLUMN … TYPE rewrites the table under an exclusive lock',
    matches: (sql) => /\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b/i.test(sql),
  },
  {
    problem: 'SET NOT NULL scans the whole table under an exclusive lock',
    matches: (sql) => /\bSET\s+NOT\s+NULL\b/i.test(sql),
  },
  {
    problem: 'a FOREIGN KEY or CHECK added without NOT VALID scans the table under a lock',
    matches: (sql) =>
      /\bADD\s+CONSTRAINT\b[\s\S]*\b(FOREIGN\s+KEY|CHECK)\b/i.test(sql) &&
      !/\bNOT\s+VALID\b/i.test(sql),
  },
];

/** The table a statement works on, for CREATE INDEX / ALTER TABLE. */
function targetTable(sql: string): string | null {
  const match =
    /\bON\s+(?:ONLY\s+)?("?[\w.]+"?(?:\."?\w+"?)?)/i.exec(
      sql.match(/^CREATE[\s\S]*?INDEX[\s\S]*/i)?.[0] ?? '',
    ) ?? /^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?("?[\w.]+"?(?:\."?\w+"?)?)/i.exec(sql);
  return match ? normalize(match[1]!) : null;
}

const normalize = (name: string) =>
  name
    .replaceAll('"', '')
    .replace(/^public\./, '')
    .toLowerCase();

function createdTables(statements: string[]): Set<string> {
  const created = new Set<string>();
  for (const sql of statements) {
    const match = /^CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("?[\w.]+"?(?:\."?\w+"?)?)/i.exec(
      sql,
    );
    if (match) created.add(normalize(match[1]!));
  }
  return created;
}

/** Statements of one migration, each with the comment lines that precede it. */
function statementsOf(text: string) {
  return text
    .split('--> statement-breakpoint')
    .map((chunk) => {
      const lines = chunk.trim().split('\n');
      const comments = lines.filter((line) => line.trim().startsWith('--')).join('\n');
      const sql = lines
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim();
      return { comments, sql };
    })
    .filter((statement) => statement.sql !== '');
}

export function checkMigrations(folder: string): Finding[] {
  const findings: Finding[] = [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const file of files) {
    const statements = statementsOf(readFileSync(path.join(folder, file), 'utf8'));
    const newTables = createdTables(statements.map((statement) => statement.sql));
    for (const { comments, sql } of statements) {
      const table = targetTable(sql);
      // A table created by this same migration is empty: nothing to lock out.
      if (!table || newTables.has(table) || /--\s*lock-ok:\s*\S/.test(comments)) continue;
      for (const rule of RULES) {
        if (rule.matches(sql)) {
          findings.push({
            file,
            statement: sql.split('\n')[0]!.slice(0, 160),
            problem: rule.problem,
          });
        }
      }
    }
  }
  return findings;
}
