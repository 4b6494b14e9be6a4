import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { FaceAnalyzer } from '@rollcall/vision';

import { enrolGallery } from '../src/gallery';

// The folder checks come before any photo is analysed, so no model is needed.
const noAnalyzer = {} as FaceAnalyzer;

describe('enrolGallery on a path that is not a gallery', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-gallery-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says a path that does not exist does not exist, and where a relative one was read from', async () => {
    const missing = path.join(dir, 'shared', 'data', 'nobody');
    await expect(enrolGallery(noAnalyzer, missing)).rejects.toMatchObject({
      code: 'DATA_NOT_FOUND',
      message: `${missing} does not exist; pass --gallery a folder with one folder of photos per person.`,
    });

    const relative = path.relative(process.cwd(), missing);
    await expect(enrolGallery(noAnalyzer, relative)).rejects.toMatchObject({
      message: expect.stringContaining(`(${relative} is read from ${process.cwd()}).`),
    });
  });

  it('says a file is a file', async () => {
    const file = path.join(dir, 'photo.jpg');
    writeFileSync(file, 'x');
    await expect(enrolGallery(noAnalyzer, file)).rejects.toMatchObject({
      message: `${file} is a file, not a folder of person folders.`,
    });
  });
});
