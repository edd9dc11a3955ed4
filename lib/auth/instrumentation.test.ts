/** instrumentation.ts: runs the start-up check only in the Node.js runtime, never during a build, and never throws. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const announce = vi.hoisted(() => vi.fn(async () => 'teachers-exist'));
vi.mock('./setup', () => ({ announceSetupLinkIfNeeded: announce }));

import { register } from '../../instrumentation';

afterEach(() => {
  vi.unstubAllEnvs();
  announce.mockClear();
});

describe('instrumentation register()', () => {
  it('runs the setup-link check in the Node.js runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    await register();
    expect(announce).toHaveBeenCalledTimes(1);
  });

  it('does nothing in the edge runtime or during a production build', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    await register();
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    await register();
    expect(announce).not.toHaveBeenCalled();
  });

  it('reports an unexpected failure instead of stopping the server', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    announce.mockRejectedValueOnce(new Error('boom'));
    await expect(register()).resolves.toBeUndefined();
    expect(String(error.mock.calls[0]![0])).toMatch(/start-up check failed: boom/);
    error.mockRestore();
  });
});
