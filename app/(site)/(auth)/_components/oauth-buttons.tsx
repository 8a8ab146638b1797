import { getTranslations } from 'next-intl/server';

import {
  oauthErrorKey,
  PROVIDER_NAMES,
  type OAuthProviderName,
} from '@/app/_components/oauth-words';
import { Button } from '@/app/_components/ui/button';

/**
 * "Continue with …": plain links to the flow's start (a GET that only redirects), so
 * they work without JavaScript. Only a path on this app goes along as `next`.
 */
export async function OAuthButtons({
  providers,
  next,
  error,
}: {
  providers: readonly OAuthProviderName[];
  next?: string;
  error?: string;
}) {
  const t = await getTranslations('auth.oauth');
  const query = next?.startsWith('/') ? `?next=${encodeURIComponent(next)}` : '';
  const errorKey = oauthErrorKey(error);
  if (providers.length === 0 && !errorKey) return null;
  return (
    <div className="space-y-3">
      {errorKey && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {t(`errors.${errorKey}`)}
        </p>
      )}
      {providers.map((provider) => (
        <Button key={provider} asChild variant="outline" className="w-full">
          <a href={`/auth/oauth/${provider}/start${query}`}>
            {t('continueWith', { provider: PROVIDER_NAMES[provider] })}
          </a>
        </Button>
      ))}
      {providers.length > 0 && (
        <p className="text-center text-sm text-muted-foreground">{t('or')}</p>
      )}
    </div>
  );
}
