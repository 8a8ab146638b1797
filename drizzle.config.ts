import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied by server/platform/runtime/migrations/migrate-cli.ts
// (drizzle-orm's migrator), which also works on the embedded database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  entities: { roles: { provider: 'supabase' } },
});
