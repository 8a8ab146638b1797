import { getDatabase } from '@/db/client';

import { logger } from './logger';

/**
 * Validates the environment (importing the logger imports env) and opens the
 * database, applying migrations to the embedded one, so that a bad variable or a
 * DATA_DIR owned by another process stops the server now, not at the first request.
 */
export async function startServer() {
  try {
    const { kind } = await getDatabase();
    logger.info({ database: kind }, 'database ready');
  } catch (error) {
    console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
