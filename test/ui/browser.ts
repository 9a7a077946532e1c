import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); Playwright cannot download browsers here. */
export const chromiumPath = '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where browser tests leave screenshots (ignored by git). */
export const screenshotDir = join(process.cwd(), 'test-output', 'ui');

/** Builds dist/web when it is missing or stale, exactly as `npm start` does. */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { cwd: process.cwd(), stdio: 'pipe' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A page that fails the test on any uncaught script error. */
export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}
