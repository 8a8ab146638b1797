import { getTranslations } from 'next-intl/server';

import { Button } from '@/app/_components/ui/button';

/** The providers' own names, in every language. */
export const PROVIDER_NAMES = { github: 'GitHub', google: 'Google' } as const;
export type OAuthButtonProvider = keyof typeof PROVIDER_NAMES;

/**
 * "Continue with …": plain links to the flow's start (a GET that only redirects), so
 * they work without JavaScript. Only a path on this app goes along as `next`.
 */
export async function OAuthButtons({
  providers,
  next,
  error,
}: {
  providers: readonly OAuthButtonProvider[];
  next?: string;
  error?: string;
}) {
  const t = await getTranslations('auth.oauth');
  const query = next?.startsWith('/') ? `?next=${encodeURIComponent(next)}` : '';
  const errorKey = error && error in KNOWN_ERRORS ? (error as keyof typeof KNOWN_ERRORS) : null;
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

const KNOWN_ERRORS = {
  cancelled: true,
  invalidState: true,
  failed: true,
  unverifiedEmail: true,
  identityTaken: true,
  rateLimited: true,
  unavailable: true,
} as const;
