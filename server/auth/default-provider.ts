import { builtInAuthProvider } from './built-in-provider';
import type { AuthProvider } from './provider';
import { supabaseConfigFromEnv } from './supabase/client';
import { supabaseAuthProvider } from './supabase/provider';

let configured: AuthProvider | undefined;

/** Supabase Auth when its variables are set, else the built-in provider. */
export function defaultAuthProvider(): AuthProvider {
  if (!configured) {
    const supabase = supabaseConfigFromEnv();
    configured = supabase ? supabaseAuthProvider(supabase) : builtInAuthProvider;
  }
  return configured;
}
