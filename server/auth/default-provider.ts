import { builtInAuthProvider } from './built-in/provider';
import type { AuthProvider } from './provider';
import { supabaseConfigFromEnv } from './supabase/config';

let configured: Promise<AuthProvider> | undefined;

/**
 * Supabase Auth when its variables are set, else the built-in provider. Loaded on
 * demand, so deployments without Supabase never load supabase-js.
 */
export function defaultAuthProvider(): Promise<AuthProvider> {
  configured ??= (async () => {
    const supabase = supabaseConfigFromEnv();
    if (!supabase) return builtInAuthProvider;
    const { supabaseAuthProvider } = await import('./supabase/provider');
    return supabaseAuthProvider(supabase);
  })();
  return configured;
}

/** Which provider keeps the accounts here, for the start-up checks and log. */
export const authProviderKind = (): AuthProvider['kind'] =>
  supabaseConfigFromEnv() ? 'supabase' : 'built-in';
