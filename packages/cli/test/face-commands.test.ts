import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR, describeIfPresent, rollcall } from './run-cli';

// Each run starts a real process that loads the models: allow for a loaded 2-core machine.
jest.setTimeout(180_000);

const BBT = path.join(DATA_DIR, 'bbt-face-api-js');
const crop = (person: string, n: number) =>
  path.join(BBT, 'identities', person, `${person}${n}.png`);
const PEOPLE = ['amy', 'bernadette', 'howard', 'leonard', 'penny', 'raj', 'sheldon', 'stuart'];

interface Face {
  box: { x: number; y: number; width: number; height: number };
  score: number;
}

describeIfPresent('rollcall detect, embed, compare and identify on real photos', BBT, () => {
  const temp: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-cli-'));
    temp.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  it('detects the cast in a group photo and draws them', () => {
    const out = path.join(tempDir(), 'annotated.jpg');
    const run = rollcall(['detect', path.join(BBT, 'group', 'bbt1.jpg'), '--out', out, '--json']);
    expect(run.code).toBe(0);

    const result = run.json<{ width: number; height: number; faces: Face[]; annotated: string }>();
    expect(result.width).toBe(1366);
    expect(result.faces.length).toBeGreaterThanOrEqual(3);
    for (const f of result.faces) {
      expect(f.box.x + f.box.width).toBeLessThanOrEqual(result.width + 1);
      expect(f.score).toBeGreaterThan(0);
    }
    const jpeg = readFileSync(result.annotated);
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  });

  it('embeds a face as a finite vector tagged with its model', () => {
    const run = rollcall(['embed', crop('penny', 1), '--json']);
    expect(run.code).toBe(0);
    const result = run.json<{
      modelId: string;
      faces: { modelId: string; embedding: number[] }[];
    }>();
    expect(result.faces).toHaveLength(1);
    const face = result.faces[0] as { modelId: string; embedding: number[] };
    expect(face.modelId).toBe(result.modelId);
    expect(face.embedding.length).toBeGreaterThanOrEqual(128);
    expect(face.embedding.every(Number.isFinite)).toBe(true);
  });

  it('scores two photos of one person above two different people', () => {
    const same = rollcall(['compare', crop('sheldon', 1), crop('sheldon', 2), '--json']);
    const other = rollcall(['compare', crop('sheldon', 1), crop('penny', 1), '--json']);
    expect(same.code).toBe(0);
    expect(other.code).toBe(0);
    const s = same.json<{ similarity: number; same: boolean; threshold: number }>();
    const o = other.json<{ similarity: number; same: boolean; threshold: number }>();
    expect(s.similarity).toBeGreaterThan(o.similarity);
    expect(s.same).toBe(s.similarity >= s.threshold);
    expect(same.stdout).toContain('"verdict"');
  });

  it('names faces against a gallery of person folders, with unknown for people not in it', () => {
    // Enrol photos 2-5 of everyone but stuart; probe with photo 1 of amy, raj and stuart.
    const gallery = tempDir();
    for (const person of PEOPLE.filter((p) => p !== 'stuart')) {
      mkdirSync(path.join(gallery, person));
      for (const n of [2, 3, 4, 5]) {
        symlinkSync(crop(person, n), path.join(gallery, person, `${person}${n}.png`));
      }
    }
    const probes = [crop('amy', 1), crop('raj', 1), crop('stuart', 1)];
    const run = rollcall(['identify', '--gallery', gallery, ...probes, '--json']);
    expect(run.code).toBe(0);

    const result = run.json<{
      gallery: { name: string; enrolled: number }[];
      results: { faces: { person: string; nearest: string; similarity: number }[] }[];
      threshold: number;
    }>();
    expect(result.gallery.map((g) => g.name)).toHaveLength(7);
    const named = result.results.map((r) => r.faces[0]);
    for (const face of named) {
      expect(face?.person).toBe(
        (face?.similarity ?? -1) >= result.threshold ? face?.nearest : 'unknown',
      );
    }
    // The two enrolled people are found among the gallery; stuart can at best be "unknown"
    // or a wrong name, never himself.
    expect(named.slice(0, 2).map((f) => f?.nearest)).toEqual(['amy', 'raj']);
    expect(named[2]?.person).not.toBe('stuart');
  });

  it('exits 3 for a missing image (DATA_NOT_FOUND) and for a file that is not an image', () => {
    const missing = rollcall(['detect', path.join(tempDir(), 'nope.jpg'), '--json']);
    expect(missing.code).toBe(3);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('DATA_NOT_FOUND');

    const notImage = rollcall(['detect', path.join(BBT, 'PROVENANCE.txt')]);
    expect(notImage.code).toBe(3);
    expect(notImage.stderr).toContain('IMAGE_UNREADABLE');
    expect(notImage.stderr).toContain(path.join(BBT, 'PROVENANCE.txt'));
    expect(notImage.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses an --out path it cannot write with a coded error, not a stack trace', () => {
    const out = path.join(tempDir(), 'no-such-folder', 'annotated.jpg');
    const run = rollcall(['detect', path.join(BBT, 'group', 'bbt1.jpg'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INVALID_ARGUMENT');
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
