/**
 * The console's account sign-in, the viewer role and the bulk import page in a real
 * Chromium against the real API (real Redis, real models): a zip of two real people's
 * photos (and one file that is not a photo) imported and followed to the end; then a
 * viewer signs in with a password, sees every page with no control that changes anything,
 * is refused by the API when trying anyway, and signs out.
 */
import { readFileSync } from 'node:fs';

import { createUser } from '@rollcall/api';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';

import { launchBrowser, screenshot, signIn, signInAs, type Browser } from './support/browser';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { expectText } from './support/expect-text';
import { dataPath, missingData } from './support/face-data';

const PEOPLE = { amy: [1, 2, 3], raj: [1, 2, 3] } as const;
const PHOTOS = Object.entries(PEOPLE).flatMap(([name, numbers]) =>
  numbers.map((n) => `bbt-face-api-js/identities/${name}/${name}${n}.png`),
);
const PASSWORD = 'watch the door 42';
const missing = missingData(PHOTOS);

if (missing.length > 0) {
  console.warn(
    `console import and viewer tests skipped: face data missing (${missing.join(', ')})`,
  );
}
const describeWithData = missing.length > 0 ? describe.skip : describe;

/** A zip of person folders: each photo under `staff/<name>/`, and a note that is no photo. */
function staffZip(): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const photo of PHOTOS) {
    const [name, file] = photo.split('/').slice(-2) as [string, string];
    entries[`staff/${name}/${file}`] = new Uint8Array(readFileSync(dataPath(photo)));
  }
  entries['staff/amy/notes.txt'] = new Uint8Array(Buffer.from('badge 1042'));
  return Buffer.from(zipSync(entries));
}

describeWithData('accounts, the viewer role and bulk import in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startConsoleServer('roles');
    await createUser(server.redis, server.keys, {
      username: 'guard',
      displayName: 'Door Guard',
      role: 'viewer',
      password: PASSWORD,
    });
    // A camera, so the viewer's camera page has one to (not) remove.
    const added = await fetch(`${server.url}/v1/cameras`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Front door', url: 'rtsp://127.0.0.1:1/door', role: 'entry' }),
    });
    expect(added.status).toBe(201);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports a zip of two people and follows it to the end, refusals in words', async () => {
    await signIn(page, server.url, server.key);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Zip of person folders').setInputFiles({
      name: 'staff.zip',
      mimeType: 'application/zip',
      buffer: staffZip(),
    });
    await page.getByRole('button', { name: 'Import' }).click();

    await page.getByText('Import complete.').waitFor({ timeout: 60_000 });
    const job = page.locator('.import-job');
    await expectText(
      job,
      /7 of 7 files checked: 6 accepted, 1 refused\. 2 of 2 people done, 2 new\./,
    );
    const people = job.locator('.import-people');
    await expectText(people, /amy \(new\): 3 accepted, 1 refused/);
    await expectText(people, /raj \(new\): 3 accepted/);
    await expectText(job.locator('.refused'), /amy\/notes\.txt: Not an image file\./);
    await screenshot(page, 'import-complete');

    await page.getByRole('link', { name: 'People' }).first().click();
    await expectText(page.locator('.person-card', { hasText: 'raj' }), /3 samples/);
  });

  it('refuses a wrong password, then signs a viewer in with theirs', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await signInAs(page, server.url, 'guard', 'not the password');
    await expectText(page.getByRole('alert'), /username or password is wrong/);
    await screenshot(page, 'sign-in-account-refused');

    await signInAs(page, server.url, 'guard', PASSWORD);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await expectText(page.getByLabel('Signed in as'), /Door Guard · viewer/);
  });

  it('shows a viewer every page without a control that changes anything', async () => {
    const amy = page.locator('.person-card', { hasText: 'amy' });
    await expectText(amy, /3 samples/);
    expect(await page.getByRole('link', { name: 'Enroll a person' }).count()).toBe(0);
    await screenshot(page, 'viewer-people');

    await amy.click();
    await page.getByRole('heading', { name: 'Face samples (3)' }).waitFor();
    expect(await page.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    expect(await page.getByLabel(/^Photos/).count()).toBe(0);
    await expectText(page.getByRole('note'), /a viewer: you can look, but not add or delete/);
    await screenshot(page, 'viewer-person');

    // Each page with its note, and the controls an admin would find there.
    const pages: [string, string, RegExp, string[]][] = [
      ['#/enroll', 'Enroll a person', /not enroll people/, ['Next: add photos']],
      ['#/import', 'Bulk import', /not import people/, ['Import']],
      ['#/cameras', 'Cameras', /not add or remove cameras/, ['Add camera', 'Remove']],
      ['#/settings', 'Settings', /not change settings/, ['Save settings']],
    ];
    for (const [hash, heading, note, buttons] of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await expectText(page.getByRole('note'), note);
      if (hash === '#/cameras') await page.getByRole('heading', { name: 'Front door' }).waitFor();
      for (const name of buttons) {
        expect([hash, name, await page.getByRole('button', { name, exact: true }).count()]).toEqual(
          [hash, name, 0],
        );
      }
      await screenshot(page, `viewer-${hash.slice(2)}`);
    }
    // Settings are shown in fields that cannot be edited.
    expect(await page.getByLabel(/^Time zone/).isDisabled()).toBe(true);
  });

  it('is refused by the API all the same, and signing out ends the session', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('rollcall.apiKey'));
    expect(token).toMatch(/^rs_/);
    const attempt = await callApi(page, 'POST', '/v1/people', token as string);
    expect(attempt).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    const after = await callApi(page, 'GET', '/v1/people', token as string);
    expect(after).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});

/** A call from the page with `token`, as a person with the console open could make it. */
async function callApi(page: Page, method: string, path: string, token: string) {
  return page.evaluate(
    async ([m, p, t]) => {
      const reply = await fetch(p, {
        method: m,
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: m === 'GET' ? undefined : JSON.stringify({ name: 'Not allowed' }),
      });
      const body = (await reply.json()) as { error?: { code?: string } };
      return { status: reply.status, code: body.error?.code };
    },
    [method, path, token] as const,
  );
}
