/**
 * Every value a Cookie header carries under `name`, in order, as sent (not decoded).
 * All of them, not the first: a second cookie of a name can be one a sibling
 * subdomain planted, and a caller may need to refuse both.
 */
export function cookieValues(cookieHeader: string | null, name: string): string[] {
  const values: string[] = [];
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator >= 0 && pair.slice(0, separator).trim() === name) {
      values.push(pair.slice(separator + 1).trim());
    }
  }
  return values;
}
