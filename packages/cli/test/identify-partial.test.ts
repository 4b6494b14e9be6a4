import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR, describeIfPresent, rollcall } from './run-cli';

// Each run starts a real process that loads the models: allow for a loaded 2-core machine.
jest.setTimeout(180_000);

const IDENTITIES = path.join(DATA_DIR, 'bbt-face-api-js', 'identities');
const crop = (person: string, n: number) => path.join(IDENTITIES, person, `${person}${n}.png`);

interface IdentifyJson {
  warnings: { code: string; person: string; file?: string }[];
  gallery: { name: string; enrolled: number; skipped: { file: string; code: string }[] }[];
  results: { image: string; error?: { code: string }; faces?: { nearest: string }[] }[];
}

describeIfPresent('rollcall identify with bad images and gallery photos', IDENTITIES, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each bad image in its place, identifies the rest, and exits 3', () => {
    const gallery = path.join(dir, 'gallery');
    for (const person of ['amy', 'raj']) {
      mkdirSync(path.join(gallery, person), { recursive: true });
      for (const n of [2, 3]) {
        symlinkSync(crop(person, n), path.join(gallery, person, `${person}${n}.png`));
      }
    }
    const brokenPhoto = path.join(gallery, 'raj', 'broken.jpg');
    writeFileSync(brokenPhoto, 'text saved as a photo');
    const notImage = path.join(dir, 'notes.jpg');
    writeFileSync(notImage, 'not an image');
    const missing = path.join(dir, 'missing.jpg');

    const run = rollcall([
      'identify',
      '--gallery',
      gallery,
      crop('amy', 1),
      notImage,
      missing,
      crop('raj', 1),
      '--json',
    ]);

    expect(run.code).toBe(3);
    const result = run.json<IdentifyJson>();
    expect(result.results.map((r) => r.error?.code ?? r.faces?.[0]?.nearest)).toEqual([
      'amy',
      'IMAGE_UNREADABLE',
      'DATA_NOT_FOUND',
      'raj',
    ]);
    expect(run.stderr).toContain(`rollcall: IMAGE_UNREADABLE: ${notImage}`);
    expect(run.stderr).toContain('2 of 4 image(s) could not be identified');

    // The unreadable gallery photo is skipped with a warning, on stderr and in the JSON.
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'IMAGE_UNREADABLE', person: 'raj', file: brokenPhoto }),
    ]);
    expect(run.stderr).toContain(`warning: skipped ${brokenPhoto}: IMAGE_UNREADABLE`);
    expect(result.gallery.find((g) => g.name === 'raj')?.enrolled).toBe(2);
  });

  it('exits 0 and warns nothing when every image and photo is good', () => {
    const gallery = path.join(dir, 'clean');
    mkdirSync(path.join(gallery, 'amy'), { recursive: true });
    symlinkSync(crop('amy', 2), path.join(gallery, 'amy', 'amy2.png'));

    const run = rollcall(['identify', '--gallery', gallery, crop('amy', 1), '--json']);
    expect(run.code).toBe(0);
    expect(run.json<IdentifyJson>().warnings).toEqual([]);
    expect(run.stderr).toBe('');
  });
});
