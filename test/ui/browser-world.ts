import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { ensureWebBuilt, launchChromium } from './browser';

/** What a browser test works with: the server serving the built UI, Chromium, and the script errors its pages logged. */
export interface BrowserWorld {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly scriptErrors: string[];
}

/**
 * Registers, in the calling `describe`, the hooks every browser test needs: the built UI on a
 * fresh test server (then `setup` runs on it, for the test's own people and records), one
 * Chromium, and at the end the check that no page logged a script error.
 */
export function browserWorld(setup: (server: TestServer) => Promise<void> = async () => undefined): BrowserWorld {
  const w = { scriptErrors: [] as string[] } as { server: TestServer; browser: Browser; scriptErrors: string[] };
  beforeAll(async () => {
    ensureWebBuilt();
    w.server = await startTestServer();
    await setup(w.server);
    w.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await w.browser?.close();
    await w.server?.close();
    expect(w.scriptErrors).toEqual([]);
  });
  return w;
}
