import Bowser from 'bowser';
import { useTranslations } from 'next-intl';

type DeviceWords = {
  unknown: string;
  on: (browser: string, os: string) => string;
};

/**
 * "Chrome on macOS" from a User-Agent header, as a person names their device; the
 * raw string when the parser recognises neither part (curl, scripts).
 */
export function deviceName(userAgent: string | null, words: DeviceWords): string {
  if (!userAgent) return words.unknown;
  const { browser, os } = Bowser.parse(userAgent);
  if (browser.name && os.name) return words.on(browser.name, os.name);
  return browser.name || os.name || userAgent;
}

/** `deviceName` in the page's language. */
export function useDeviceName(): (userAgent: string | null) => string {
  const t = useTranslations('common.device');
  return (userAgent) =>
    deviceName(userAgent, { unknown: t('unknown'), on: (browser, os) => t('on', { browser, os }) });
}
