import { stringify } from 'csv-stringify/sync';

// A cell that starts like a formula runs as one in a spreadsheet; some cells hold
// text a stranger chose (the user agent of a refused request), so they are quoted.
const neutralizeFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** RFC 4180 CSV with a header row, safe to open in a spreadsheet. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return stringify(rows, { header: true, columns, cast: { string: neutralizeFormula } });
}
