/**
 * The whole pipeline under the console: every service started by `@rollcall/stack` (as
 * `pnpm start` does), a person enrolled and the demo camera (a real video played as a
 * file camera) added through the console, and their check-in appearing on the live page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startStack, type RunningStack } from '@rollcall/stack';
import { connectRedis, deletePrefix, randomPrefix } from '@rollcall/testing';

import { launchBrowser, screenshot, signIn, type Browser } from './support/browser';
import { ensureConsoleBuilt } from './support/console-server';
import { dataPath, missingData } from './support/face-data';

const VIDEO = 'video/face_recognition/short_hamilton_clip.mp4';
const PHOTO = 'video/face_recognition/lin-manuel-miranda.png';
const missing = missingData([VIDEO, PHOTO]);
if (missing.length > 0) {
  console.warn(`live feed browser test skipped: face data missing (${missing.join(', ')})`);
}
const describeWithData = missing.length > 0 ? describe.skip : describe;

jest.setTimeout(240_000);

describeWithData('the live page on the running pipeline', () => {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-console-live-'));
  const keyPrefix = randomPrefix('console-live');
  let stack: RunningStack;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    stack = await startStack({
      keyPrefix,
      apiPort: 0,
      // Logs go here; the face data is only read.
      dataDir: workDir,
      startRedis: false,
      // 3 fps keeps one embedder ahead of the camera on two cores.
      env: { ROLLCALL_INGEST_FPS: '3' },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    const redis = connectRedis('console-live-cleanup');
    await deletePrefix(redis, keyPrefix);
    redis.disconnect();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('adds the demo camera and shows a check-in of the enrolled person', async () => {
    const page = await browser.context.newPage();
    await signIn(page, stack.apiUrl, stack.adminKey);

    await page.goto(`${stack.apiUrl}/#/enroll`);
    await page.getByLabel('Name').fill('Lin-Manuel Miranda');
    await page.getByRole('button', { name: 'Next: add photos' }).click();
    await page.getByLabel(/^Photos/).setInputFiles([dataPath(PHOTO)]);
    await page.getByRole('button', { name: /^Enroll 1 photo/ }).click();
    await page.getByText('1 accepted, 0 refused.').waitFor({ timeout: 60_000 });

    await page.goto(`${stack.apiUrl}/#/cameras`);
    await page.getByLabel('Name').fill('Demo camera');
    await page.getByLabel(/^Source/).fill(`file://${dataPath(VIDEO)}?loop=1`);
    await page.getByRole('button', { name: 'Add camera' }).click();
    await page.locator('.camera-card', { hasText: 'Demo camera' }).waitFor();

    await page.goto(`${stack.apiUrl}/#/live`);
    const item = page.locator('.feed-item', { hasText: 'Lin-Manuel Miranda' }).first();
    await item.waitFor({ timeout: 180_000 });
    const text = await item.innerText();
    expect(text).toMatch(/Checked in/);
    expect(text).toMatch(/Demo camera · score 0\.\d\d/);

    // The face the camera saw, cut from the faces stream, is shown beside the enrolled one.
    const seen = item.getByRole('img', { name: 'Face seen for Lin-Manuel Miranda' });
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await seen.elementHandle(),
      { timeout: 15_000 },
    );
    await screenshot(page, 'live-pipeline');

    await page.goto(`${stack.apiUrl}/#/cameras`);
    const card = page.locator('.camera-card', { hasText: 'Demo camera' });
    await card.getByText('online').waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Preview' }).click();
    await card.locator('figcaption').filter({ hasNotText: 'Waiting' }).waitFor();
    await screenshot(page, 'camera-preview');
  });
});
