import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

import type * as schema from './schema';

/** Either driver (embedded PGlite or postgres.js) behind one type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** What services receive: the database or a transaction opened on it. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;
