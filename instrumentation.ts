/**
 * Runs once when the server starts. The Node.js part lives in its own module so
 * that the edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./server/platform/startup');
  await startServer();
}
