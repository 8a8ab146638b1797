import { env } from '@/env';

export type SupabaseAuthConfig = { url: string; publishableKey: string };

/** Supabase Auth when both variables are set; otherwise the built-in provider. */
export function supabaseConfigFromEnv(): SupabaseAuthConfig | null {
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  const publishableKey = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  return url && publishableKey ? { url, publishableKey } : null;
}
