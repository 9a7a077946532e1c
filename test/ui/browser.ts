import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { requireUnderCi } from '../helpers/ci-gate';

/** Debian's chromium (`apt-get install -y chromium`); Playwright cannot download browsers here. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Whether the browser tests run. Without Chromium they skip on a developer's machine, saying why;
 * under CI (`CI` set, as every CI service does) a missing browser fails the run instead, so a
 * broken image cannot pass with the UI untested.
 */
export function browserGate(present: boolean, ci: string | undefined): boolean {
  return requireUnderCi(present, `browser tests: no Chromium at ${chromiumPath} (install it with: apt-get install -y chromium)`, ci);
}

export const haveChromium = browserGate(existsSync(chromiumPath), process.env.CI);

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
