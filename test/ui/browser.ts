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

/** Logs in through the login form; unless told the login should fail, waits for the signed-in shell. */
export async function logIn(page: Page, url: string, email: string, password: string, opts: { expectSuccess?: boolean } = {}): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (opts.expectSuccess !== false) await page.getByRole('button', { name: 'Log out' }).waitFor();
}
