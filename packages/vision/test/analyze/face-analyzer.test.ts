import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { FaceAnalyzer } from '../../src/analyze/face-analyzer';
import type { Embedding } from '../../src/embedding/embedding';
import { decodeImage } from '../../src/image/decode-image';
import type { RgbImage } from '../../src/image/rgb-image';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import type { LoadedPack } from '../../src/packs/loaded-pack';
import { dataPath, describeIfData } from '../support/data';
import { lfwImage, lfwPairs, loadRgb, packIfPresent } from '../recognize/fixtures';

const PACKS = ['rollcall-default', 'buffalo_s_int8'];
const DOGS = dataPath('group-photos/dlib-examples-faces/dogs.jpg');
const TWO_PEOPLE = dataPath('group-photos/face_recognition/two_people.jpg');

/** Five genuine and five impostor pairs: every 60th line of pairs.txt (fold 1). */
const PAIRS = lfwPairs(5, 60);

async function embeddingOf(analyzer: FaceAnalyzer, bytes: Uint8Array): Promise<Embedding> {
  const { faces } = await analyzer.analyze(bytes, { expect: 'one' });
  return faces[0]?.embedding as Embedding;
}

const embedded = new WeakMap<FaceAnalyzer, Map<string, Embedding>>();

/**
 * The best-scoring face of a file (LFW photos may show someone behind the subject),
 * remembered per analyzer so each photo is analysed once per test file.
 */
async function embedFile(analyzer: FaceAnalyzer, file: string): Promise<Embedding> {
  const memo = embedded.get(analyzer) ?? new Map<string, Embedding>();
  embedded.set(analyzer, memo);
  const known = memo.get(file);
  if (known !== undefined) return known;

  const { faces } = await analyzer.analyze(readFileSync(file), { maxFaces: 1 });
  if (faces[0] === undefined) throw new Error(`${file}: no face found`);
  memo.set(file, faces[0].embedding as Embedding);
  return faces[0].embedding as Embedding;
}

/** Mean absolute difference of two same-size images' bytes. */
function meanDifference(a: RgbImage, b: RgbImage): number {
  return a.data.reduce((s, v, i) => s + Math.abs(v - (b.data[i] as number)), 0) / a.data.length;
}

describeIfData('FaceAnalyzer on real photos', 'lfw-deepfunneled/pairs.txt', () => {
  const analyzers: FaceAnalyzer[] = [];
  const packs: LoadedPack[] = [];

  beforeAll(async () => {
    for (const name of PACKS) {
      const pack = await packIfPresent(name);
      if (pack === undefined) continue;
      packs.push(pack);
      analyzers.push(await FaceAnalyzer.create(pack, { flip: false }));
    }
  }, 300_000);

  afterAll(closeAllSessions);

  it('scores genuine LFW pairs at or above the pack threshold and impostors below', async () => {
    for (const analyzer of analyzers) {
      for (const pair of PAIRS) {
        const result = analyzer.compare(
          await embedFile(analyzer, pair.a),
          await embedFile(analyzer, pair.b),
        );
        const label = `${analyzer.pack.manifest.name} ${pair.a} ~ ${pair.b}`;
        expect({ label, same: result.same }).toEqual({ label, same: pair.genuine });
        expect(result.threshold).toBe(analyzer.pack.manifest.threshold);
      }
    }
  }, 300_000);

  it('matches an EXIF-rotated copy and a grayscale copy to the original', async () => {
    const file = lfwImage('Colin_Powell', 1);
    const original = readFileSync(file);

    // Stored on its side with orientation 6 ("rotate 90 clockwise to view"), so only a
    // decoder that applies EXIF sees the face upright.
    const sideways = await sharp(original)
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const gray = await sharp(original).grayscale().jpeg().toBuffer();
    const upright = await decodeImage(original);
    const { data, info } = await sharp(sideways).raw().toBuffer({ resolveWithObject: true });
    const asStored = { width: info.width, height: info.height, data: new Uint8Array(data) };
    expect(meanDifference(asStored, upright)).toBeGreaterThan(20);
    expect(meanDifference(await decodeImage(sideways), upright)).toBeLessThan(3);

    for (const analyzer of analyzers) {
      const reference = await embeddingOf(analyzer, original);
      for (const copy of [sideways, gray]) {
        const result = analyzer.compare(reference, await embeddingOf(analyzer, copy));
        expect(result.same).toBe(true);
      }
    }
  }, 120_000);

  it('refuses a photo of dogs with FACE_NOT_FOUND when one face is required', async () => {
    for (const analyzer of analyzers) {
      await expect(analyzer.analyze(readFileSync(DOGS), { expect: 'one' })).rejects.toMatchObject({
        code: 'FACE_NOT_FOUND',
      });
      expect((await analyzer.analyze(readFileSync(DOGS))).faces).toEqual([]);
    }
  }, 120_000);

  it('refuses a photo of two people with FACE_MULTIPLE when one face is required', async () => {
    for (const analyzer of analyzers) {
      await expect(
        analyzer.analyze(readFileSync(TWO_PEOPLE), { expect: 'one' }),
      ).rejects.toMatchObject({ code: 'FACE_MULTIPLE' });
    }
  }, 120_000);

  it('changes the vector with flip TTA but keeps genuine pairs above threshold', async () => {
    for (const [i, pack] of packs.entries()) {
      const plain = analyzers[i] as FaceAnalyzer;
      const flipped = await FaceAnalyzer.create(pack, { flip: true });
      const flippedOf = async (file: string) => {
        const { faces } = await flipped.analyze(readFileSync(file), { maxFaces: 1 });
        return faces[0]?.embedding as Embedding;
      };
      for (const pair of PAIRS.filter((p) => p.genuine)) {
        const a = await flippedOf(pair.a);
        const b = await flippedOf(pair.b);
        expect(flipped.compare(a, b).same).toBe(true);

        const withoutFlip = await embedFile(plain, pair.a);
        const drift = plain.compare(a, withoutFlip).similarity;
        expect(drift).toBeLessThan(0.9999);
        expect(drift).toBeGreaterThan(0.8);
      }
    }
  }, 300_000);

  it('returns crops per template, timings per stage, and embeds crops it is given', async () => {
    const bytes = readFileSync(lfwImage('Tony_Blair', 1));
    for (const analyzer of analyzers) {
      const result = await analyzer.analyze(bytes, { crops: true, maxFaces: 1 });
      const face = result.faces[0];
      const templates = new Set(analyzer.pack.manifest.recognizers.map((r) => r.template));

      expect(face?.crops?.size).toBe(templates.size);
      const { decode, detect, align, embed, quality } = result.timings;
      for (const ms of [decode, detect, align, embed]) expect(ms).toBeGreaterThan(0);
      expect(quality).toBe(0);

      const [again] = await analyzer.embedAligned(
        new Map([...(face?.crops ?? [])].map(([k, c]) => [k, [c]])),
      );
      expect(
        analyzer.compare(again as Embedding, face?.embedding as Embedding).similarity,
      ).toBeCloseTo(1, 5);
    }
  }, 120_000);

  it('measures quality when asked, and flags each face of a group photo', async () => {
    for (const analyzer of analyzers) {
      const single = await analyzer.analyze(readFileSync(lfwImage('Colin_Powell', 1)), {
        quality: true,
        expect: 'one',
      });
      const measured = single.faces[0]?.quality;
      expect(measured?.assessment.eyeDistance).toBeGreaterThan(20);
      expect(measured?.issues.map((i) => i.code)).not.toContain('FACE_MULTIPLE');
      expect(single.timings.quality).toBeGreaterThan(0);

      const group = await analyzer.analyze(readFileSync(TWO_PEOPLE), {
        quality: true,
        embed: false,
      });
      for (const face of group.faces) {
        expect(face.quality?.issues.map((i) => i.code)).toContain('FACE_MULTIPLE');
      }
    }
  }, 120_000);

  it('skips alignment and embedding when only detection is asked for', async () => {
    const image = await loadRgb(lfwImage('Tony_Blair', 1));
    for (const analyzer of analyzers) {
      const result = await analyzer.analyze(image, { embed: false });
      expect(result.faces[0]?.embedding).toBeUndefined();
      expect(result.timings).toMatchObject({ decode: expect.any(Number), align: 0, embed: 0 });
      expect(await analyzer.detect(image)).toHaveLength(result.faces.length);
    }
  }, 120_000);

  it('recognises with one pack and detects with another', async () => {
    const [recognising, detecting] = packs;
    if (recognising === undefined || detecting === undefined) {
      return console.warn('needs both packs installed');
    }
    const borrowed = await FaceAnalyzer.create(recognising, { detectorPack: detecting });
    const own = analyzers[0] as FaceAnalyzer;
    const file = lfwImage('Colin_Powell', 1);

    const result = borrowed.compare(await embedFile(borrowed, file), await embedFile(own, file));
    expect(result.similarity).toBeGreaterThan(result.threshold);
    expect(result.similarity).toBeLessThan(0.99999);
  }, 120_000);
});
