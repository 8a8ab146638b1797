/** What a table shows for a value that is not there (never used, no end date). */
export const NONE = '—';
