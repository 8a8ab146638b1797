import type { Locale } from './locales';
import type { Messages } from './messages';

// next-intl checks every t('…') key and useLocale() against these at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
