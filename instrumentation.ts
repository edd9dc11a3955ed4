/**
 * Runs once when a server process starts. On Node.js (never in the edge
 * runtime, which has no node:crypto or database driver) it opens the
 * database, which applies migrations, and prints the one-time setup link
 * while no teacher account exists. It never stops the server from starting.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    const { announceSetupLinkIfNeeded } = await import('./lib/auth/setup');
    await announceSetupLinkIfNeeded();
  } catch (e) {
    console.error(`Close Reader: start-up check failed: ${e instanceof Error ? e.message : String(e)}. The server keeps running.`);
  }
}
