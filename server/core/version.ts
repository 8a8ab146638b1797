import packageJson from '@/package.json' with { type: 'json' };
import { env } from '@/env';

const VERSION = { name: packageJson.name, version: packageJson.version, commit: env.APP_COMMIT };

export function getVersion() {
  return VERSION;
}
