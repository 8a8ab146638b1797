import Bowser from 'bowser';

/**
 * "Chrome on macOS" from a User-Agent header, as a person names their device; the
 * raw string when the parser recognises neither part (curl, scripts).
 */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = Bowser.parse(userAgent);
  if (browser.name && os.name) return `${browser.name} on ${os.name}`;
  return browser.name || os.name || userAgent;
}
