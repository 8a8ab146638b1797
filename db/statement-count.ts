import type { Logger } from 'drizzle-orm/logger';

let sent = 0;

/**
 * Counts the statements this process sends to the app database (drizzle calls a
 * logger for each; BEGIN and COMMIT are not among them). Scraped as
 * `db_statements_total`, so the cost of a request in queries can be measured.
 */
export const statementCounter: Logger = {
  logQuery() {
    sent++;
  },
};

export const statementsSent = () => sent;
