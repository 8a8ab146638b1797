/**
 * Runs once when the server starts. Tracing first (only when an exporter is
 * configured), then the Node.js start-up checks, in their own module so that the
 * edge bundle never sees them.
 */
export async function register() {
  try {
    const { registerTracing } = await import('./server/platform/observability/tracing');
    await registerTracing();
    if (process.env.NEXT_RUNTIME !== 'nodejs') return;
    const [{ startServer }, { cliJobs }, { authProviderKind }] = await Promise.all([
      import('./server/platform/runtime/startup'),
      // The feature modules' jobs and auth choice come in from here, so that the
      // platform layer below them never imports them.
      import('./server/jobs'),
      import('./server/auth/default-provider'),
    ]);
    await startServer({
      controlJobs: cliJobs,
      authProvider: authProviderKind(),
    });
  } catch (error) {
    // Next.js logs a failed hook and goes on serving, every request a 500: an invalid
    // variable (env.ts refuses it on import) must stop the server instead, as
    // startServer's own checks do.
    console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.NEXT_RUNTIME === 'nodejs') process.exit(1);
    throw error;
  }
}
