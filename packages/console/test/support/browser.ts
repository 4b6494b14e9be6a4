/**
 * Debian's Chromium driven by playwright-core (its own browser downloads cannot run here):
 * headless, a fresh profile per launch, and screenshots saved as test artifacts under
 * `packages/console/test-artifacts/` (gitignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CONSOLE_DIR } from './console-server';

export const CHROMIUM = process.env.ROLLCALL_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(CONSOLE_DIR, 'test-artifacts');

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh user data dir; `args` are added to the fixed ones. */
export async function launchBrowser(
  args: readonly string[] = [],
  viewport = { width: 1280, height: 900 },
): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'rollcall-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      ...args,
    ],
  });
  // A step that has not happened in 10 s will not: fail fast rather than at jest's limit.
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page PNG of `page` as `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens the console at `url` and signs in with the API key `key`. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'API key' }).click();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
}

/** Opens the console at `url` and signs in with a user account. */
export async function signInAs(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
