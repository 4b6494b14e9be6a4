/**
 * The web console in a real Chromium against the real API (real Redis, real models):
 * sign in, enroll from real photos, refusals in words, the look-alike warning, the person
 * page, reports exported as CSV and XLSX, cameras, settings, the live page, phone width.
 */
import { readFileSync } from 'node:fs';

import { RecordStore } from '@rollcall/attendance';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

import { launchBrowser, screenshot, signIn, type Browser } from './support/browser';
import { expectText } from './support/expect-text';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { fakeCameraClip } from './support/fake-camera';
import { dataPath, missingData } from './support/face-data';

const SHELDON = [1, 2, 3].map((n) => `bbt-face-api-js/identities/sheldon/sheldon${n}.png`);
const SHELDON_LATER = 'bbt-face-api-js/identities/sheldon/sheldon4.png';
const DOGS = 'group-photos/dlib-examples-faces/dogs.jpg';
const TWO_PEOPLE = 'group-photos/face_recognition/two_people.jpg';
const WEBCAM_FACE = 'video/face_recognition/lin-manuel-miranda.png';
const missing = missingData([...SHELDON, SHELDON_LATER, DOGS, TWO_PEOPLE, WEBCAM_FACE]);

if (missing.length > 0) {
  console.warn(`console browser tests skipped: face data missing (${missing.join(', ')})`);
}
const describeWithData = missing.length > 0 ? describe.skip : describe;

describeWithData('the web console in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let sheldonId: string;

  beforeAll(async () => {
    server = await startConsoleServer('ui');
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function enroll(name: string, photos: string[], group = ''): Promise<string> {
    // Through another page, so the enroll page starts afresh.
    await page.goto(`${server.url}/#/people`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.goto(`${server.url}/#/enroll`);
    await page.getByLabel('Name').fill(name);
    if (group !== '') await page.getByLabel('Group (optional)').fill(group);
    await page.getByRole('button', { name: 'Next: add photos' }).click();
    await page.getByLabel(/^Photos/).setInputFiles(photos.map(dataPath));
    await page.getByRole('button', { name: /^Enroll \d* ?photo/ }).click();
    const outcome = await page.getByText(/\d+ accepted, \d+ refused\./).innerText();
    // With no photo accepted there is no person (and no link) to return.
    if (outcome.startsWith('0 accepted')) return '';
    const href = await page.getByRole('link', { name }).first().getAttribute('href');
    return decodeURIComponent((href ?? '').replace('#/people/', ''));
  }

  it('refuses an unknown key, then signs in with a real one', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'API key' }).click();
    await page.getByLabel('API key').fill('rk_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), /unknown or revoked/);
    await screenshot(page, 'sign-in-refused');

    await signIn(page, server.url, server.key);
    await expectText(page.getByText('No one is enrolled yet.'), /No one/);
  });

  it('enrolls a person from three real photos and lists them with a thumbnail', async () => {
    sheldonId = await enroll('Sheldon Cooper', SHELDON, 'Physics');
    await expectText(page.locator('.outcome'), /3 accepted, 0 refused\./);
    await screenshot(page, 'enroll-accepted');

    await page.goto(`${server.url}/#/people`);
    const card = page.locator('.person-card', { hasText: 'Sheldon Cooper' });
    await expectText(card, /Physics · 3 samples/);
    const thumb = card.getByRole('img', { name: 'Face of Sheldon Cooper' });
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await thumb.elementHandle(),
    );
    await screenshot(page, 'people');
  });

  it('refuses a photo with no face and one with two, saying why in words', async () => {
    await enroll('Nobody Here', [DOGS, TWO_PEOPLE]);
    const refused = page.locator('.refused');
    await expectText(refused, /dogs\.jpg: No face found\./);
    await expectText(refused, /two_people\.jpg: More than one face\./);
    // The refusal reads once: the title is not said again by the advice after it.
    expect(await refused.innerText()).not.toMatch(/No face found\. No face was found/);
    // Every photo refused: the person made for them is taken back, and the page says so.
    await expectText(page.getByRole('alert'), /Nobody Here was not enrolled/);
    await screenshot(page, 'enroll-refused');
  });

  it('warns, without blocking, that a person of the same name exists', async () => {
    await page.goto(`${server.url}/#/people`);
    await page.goto(`${server.url}/#/enroll`);
    await page.getByLabel('Name').fill('sheldon cooper');
    await page.getByRole('button', { name: 'Next: add photos' }).click();
    await expectText(page.locator('.warning'), /already a person named Sheldon Cooper/);
    // This browser has no camera: only the failure and what to do, no meters.
    await page.getByRole('button', { name: 'Use this device’s camera' }).click();
    await expectText(page.locator('.webcam'), /could not be opened.*upload photos/is);
    expect(await page.getByText('Looking for a face').count()).toBe(0);
    expect(await page.getByRole('meter').count()).toBe(0);
    // Leaving here creates no one: People lists Sheldon alone, never "Nobody Here".
    await page.getByRole('link', { name: 'People' }).first().click();
    await expectText(page.getByRole('heading', { level: 1 }), /People/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('People');
    await expectText(page.locator('.people-grid'), /Sheldon Cooper/);
    expect(await page.locator('.person-card').count()).toBe(1);
  });

  it('warns when a new face already looks like someone enrolled', async () => {
    await enroll('Maybe Sheldon', [SHELDON_LATER]);
    await expectText(page.locator('.warning'), /already matches Sheldon Cooper/);
    await screenshot(page, 'enroll-look-alike');
  });

  it('shows a person with their samples and says what deleting erases', async () => {
    await page.goto(`${server.url}/#/people/${encodeURIComponent(sheldonId)}`);
    await page.getByRole('heading', { name: 'Face samples (3)' }).waitFor();
    await page.getByRole('button', { name: 'Delete Sheldon Cooper…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expectText(dialog, /all 3 face samples with their embeddings and stored photos/);
    // Focus moves into the dialog, onto the safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Keep Sheldon Cooper',
    );
    await screenshot(page, 'person-delete-confirm');
    await page.getByRole('button', { name: 'Keep Sheldon Cooper' }).click();
    await page.getByRole('button', { name: 'Delete Sheldon Cooper…' }).click();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it("exports the day's report as CSV and XLSX with the right rows", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const at = (hh: number, mm: number) => Date.parse(`${day}T${pad(hh)}:${pad(mm)}:00Z`);
    const store = new RecordStore(server.redis, server.keys, 'UTC');
    // Every day a working day, so the absences below do not depend on the weekday of today.
    await server.redis.hset(server.keys.settings, 'workdays', 'mon,tue,wed,thu,fri,sat,sun');
    const record = { personId: sheldonId, cameraId: 'cam_door', trackId: 't1', score: 0.91 };
    await store.write({
      record: { ...record, recordId: 'r-in', type: 'check_in', atMs: at(9, 12), faceId: 'f:1:0' },
    });
    await store.write({
      record: {
        ...record,
        recordId: 'r-out',
        type: 'check_out',
        atMs: at(17, 42),
        faceId: 'f:2:0',
      },
    });

    await page.goto(`${server.url}/#/reports`);
    await expectText(page.locator('.report'), /Sheldon Cooper\s*Physics\s*Present, late\s*09:12/);
    await screenshot(page, 'reports');

    const csv = await download(page, 'Download CSV');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('date,personId,name,group,status,late,firstIn,lastOut,hours');
    expect(lines).toContain(
      `${day},${sheldonId},Sheldon Cooper,Physics,present,yes,` +
        `${day}T09:12:00+00:00,${day}T17:42:00+00:00,8.5`,
    );
    // Maybe Sheldon; "Nobody Here" was never kept, so is absent nowhere.
    expect(lines.filter((l) => l.includes(',absent,'))).toHaveLength(1);

    const workbook = new ExcelJS.Workbook();
    const xlsx = Buffer.from(await download(page, 'Download XLSX', 'binary'), 'binary');
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.length));
    const days = workbook.getWorksheet('Days');
    const rows = (days?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const sheldon = rows.find((r) => r.includes('Sheldon Cooper'));
    expect(sheldon?.slice(1)).toEqual([
      day,
      sheldonId,
      'Sheldon Cooper',
      'Physics',
      'present',
      'yes',
      `${day}T09:12:00+00:00`,
      `${day}T17:42:00+00:00`,
      8.5,
    ]);
    expect(rows).toHaveLength(3);
  });

  it('shows check-ins on the live page as they arrive on the attendance stream', async () => {
    await page.goto(`${server.url}/#/live`);
    const feed = page.getByRole('list', { name: 'Attendance feed' });
    await expectText(feed, /Sheldon Cooper\s*Checked out/);

    const store = new RecordStore(server.redis, server.keys, 'UTC');
    await store.write({
      record: {
        recordId: 'r-again',
        personId: sheldonId,
        type: 'check_in',
        atMs: Date.now(),
        cameraId: 'cam_door',
        score: 0.88,
        trackId: 't9',
        faceId: 'cam_door:9:0',
      },
    });
    await expectText(feed.locator('li').first(), /Checked in.*score 0\.88/s);
    await screenshot(page, 'live');
  });

  it('adds a camera and shows its status', async () => {
    await page.goto(`${server.url}/#/cameras`);
    await page.getByLabel('Name').fill('Front door');
    await page
      .getByLabel(/^Source/)
      .fill(dataPath('video/face_recognition/short_hamilton_clip.mp4'));
    await page.getByRole('button', { name: 'Add camera' }).click();
    const card = page.locator('.camera-card', { hasText: 'Front door' });
    await expectText(card, /Status\s*not reported\s*Waiting for ingest’s first report/);
    // An ingest that stopped writing 30 s ago: the age said, its last rate not shown.
    const [cameraId] = await server.redis.smembers(server.keys.cameras);
    await server.redis.hset(server.keys.cameraStatus(cameraId ?? ''), {
      state: 'online',
      fps: '4.9',
      updatedAt: String(Date.now() - 30_000),
    });
    await page.reload();
    await expectText(card, /unknown\s*No report from ingest for 3\d s/);
    await expectText(card, /Frames per second\s*—/);
    await card.getByRole('button', { name: 'Preview' }).click();
    await expectText(card.locator('figcaption'), /No recent frame/);
    await screenshot(page, 'cameras');
  });

  it('shows the model pack and its licence, and saves a time zone', async () => {
    await page.goto(`${server.url}/#/settings`);
    await expectText(page.locator('.facts'), /rollcall-default/);
    await expectText(page.locator('.facts'), /MIT/);
    await page.getByLabel(/^Match threshold/).fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.getByRole('alert'), /^Threshold must be a number between -1 and 1/);
    await page.getByLabel(/^Match threshold/).fill('');
    await page.getByLabel(/^Time zone/).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.getByRole('status'), /Saved/);
    await screenshot(page, 'settings');
    const settings = await server.redis.hget(server.keys.settings, 'timeZone');
    expect(settings).toBe('Europe/Berlin');
  });

  it("enrolls from the browser's camera with a live face box and quality meter", async () => {
    // Chromium's fake camera plays a real face photo made into a clip by ffmpeg.
    const clip = fakeCameraClip(dataPath(WEBCAM_FACE));
    const camera = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ]);
    try {
      const webcam = await camera.context.newPage();
      await signIn(webcam, server.url, server.key);
      await webcam.goto(`${server.url}/#/enroll`);
      await webcam.getByLabel('Name').fill('Lin-Manuel Miranda');
      await webcam.getByRole('button', { name: 'Next: add photos' }).click();
      await webcam.getByRole('button', { name: 'Use this device’s camera' }).click();

      await expectText(webcam.locator('#quality-status'), /Good: take the photo\./, 20_000);
      const meter = await webcam.getByRole('meter', { name: 'Face size' }).getAttribute('value');
      expect(Number(meter)).toBeGreaterThan(0.5);
      const boxed = await webcam.evaluate(() => {
        const canvas = document.querySelector('.video-frame canvas');
        if (!(canvas instanceof HTMLCanvasElement)) return false;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height);
        // The face box is drawn in green (#1a7f37) on a clear overlay.
        for (let i = 0; i < (pixels?.data.length ?? 0); i += 4) {
          if (pixels?.data[i + 1] === 0x7f && pixels.data[i + 3] === 255) return true;
        }
        return false;
      });
      expect(boxed).toBe(true);
      await screenshot(webcam, 'enroll-webcam');

      await webcam.getByRole('button', { name: 'Take photo' }).click();
      await expectText(webcam.locator('.outcome'), /1 accepted, 0 refused\./);
      await expectText(webcam.getByText(/taken and enrolled/), /^1 photo taken and enrolled\.$/);
    } finally {
      await camera.close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    // The key lives in the tab's session storage: a new tab signs in again.
    await signIn(phone, server.url, server.key);
    // A long unbroken name, and a person with no photo whose thumbnail is never asked for.
    const long = await fetch(`${server.url}/v1/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft',
      }),
    });
    const longId = (await long.json()) as { id: string };
    const thumbnails: string[] = [];
    phone.on('request', (r) => {
      if (r.url().includes(`${longId.id}/thumbnail`)) thumbnails.push(r.url());
    });
    const loaded: Record<string, string> = {
      people: '.person-card',
      live: '.feed-item',
      reports: '.report',
      cameras: '.camera-card',
    };
    for (const [route, selector] of Object.entries(loaded)) {
      await phone.goto(`${server.url}/#/${route}`);
      await phone.locator(selector).first().waitFor();
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect([route, overflow]).toEqual([route, 0]);
      await screenshot(phone, `phone-${route}`);
    }
    expect(thumbnails).toEqual([]);
    await phone.goto(`${server.url}/#/people`);
    const spill = await phone
      .locator('.person-card', { hasText: 'Wolfeschlegel' })
      .evaluate((card) => card.scrollWidth - card.clientWidth);
    expect(spill).toBe(0);
    // The report's widest table scrolls inside its box rather than losing columns.
    await phone.goto(`${server.url}/#/reports`);
    await phone.locator('.report').waitFor();
    const scroll = await phone
      .locator('.table-scroll', { has: phone.locator('.report') })
      .evaluate((box) => [box.scrollWidth > box.clientWidth, getComputedStyle(box).overflowX]);
    expect(scroll).toEqual([true, 'auto']);
    await phone.close();
  });
});

async function download(page: Page, button: string, encoding: 'utf8' | 'binary' = 'utf8') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const saved = await file.path();
  return readFileSync(saved, encoding);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
