import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChecksumCache, findPack, resolvePack } from '../../src/packs';
import { describeIfModel, modelPath, MODELS_DIR } from '../support/data';
import { rejection, settingsIn, tempFolders } from './pack-fixtures';

const YUNET = 'yunet_2023mar/face_detection_yunet_2023mar.onnx';

describeIfModel('resolving packs on the shared model store', YUNET, () => {
  const temp = tempFolders();

  it('finds files one sub-folder down, by name', async () => {
    const settings = settingsIn(temp(), [MODELS_DIR]);
    const pack = await resolvePack(findPack('buffalo_s_int8', settings).manifest, settings);
    expect(pack.files.get('det_500m.onnx')).toBe(modelPath('scrfd_500m_kps/det_500m.onnx'));
    expect(pack.files.get('mobilefacenet_int8.onnx')).toBe(
      modelPath('w600k_mbf_int8/mobilefacenet_int8.onnx'),
    );
  });

  it('finds a file published under another name by its alias', async () => {
    const settings = settingsIn(temp(), [modelPath('yunet_libfacedetection_train')]);
    const pack = await resolvePack(findPack('yunet_2023mar', settings).manifest, settings);
    expect(pack.files.get('face_detection_yunet_2023mar.onnx')).toBe(
      modelPath('yunet_libfacedetection_train/yunet_s_640_640.onnx'),
    );
  });

  it('refuses a corrupted copy with PACK_CHECKSUM_MISMATCH', async () => {
    const dir = temp();
    const copy = path.join(dir, 'face_detection_yunet_2023mar.onnx');
    const bytes = readFileSync(modelPath(YUNET));
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] as number) ^ 0xff; // same size, one byte different
    writeFileSync(copy, bytes);

    const settings = settingsIn(dir, [dir]);
    const err = await rejection(() =>
      resolvePack(findPack('yunet_2023mar', settings).manifest, settings),
    );
    expect(err.code).toBe('PACK_CHECKSUM_MISMATCH');
    expect(err.message).toContain(copy);
    expect(err.message).toContain(
      '8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4',
    );
  });

  it('names a truncated copy by its size without hashing it', async () => {
    const dir = temp();
    writeFileSync(
      path.join(dir, 'det_2.5g.onnx'),
      readFileSync(modelPath('scrfd_2.5g_kps/det_2.5g.onnx')).subarray(0, 1000),
    );
    const settings = settingsIn(dir, [dir]);
    const err = await rejection(() =>
      resolvePack(findPack('scrfd_2.5g', settings).manifest, settings),
    );
    expect(err.code).toBe('PACK_CHECKSUM_MISMATCH');
    expect(err.message).toContain('is 1000 bytes, expected 3292009');
  });

  it('takes a good copy later on the path after a bad one', async () => {
    const dir = temp();
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'det_2.5g.onnx'), 'not a model');
    const settings = settingsIn(dir, [bad, MODELS_DIR]);
    const pack = await resolvePack(findPack('scrfd_2.5g', settings).manifest, settings);
    expect(pack.files.get('det_2.5g.onnx')).toBe(modelPath('scrfd_2.5g_kps/det_2.5g.onnx'));
  });
});

describe('a pack whose files are absent', () => {
  const temp = tempFolders();

  it('gives PACK_FILE_MISSING listing every file, its hint and where it looked', async () => {
    const dir = temp();
    const settings = settingsIn(dir, [dir]);
    const err = await rejection(() =>
      resolvePack(findPack('buffalo_l', settings).manifest, settings),
    );
    expect(err.code).toBe('PACK_FILE_MISSING');
    expect(err.message).toContain('det_10g.onnx or scrfd_10g_bnkps.onnx');
    expect(err.message).toContain('w600k_r50.onnx from InsightFace buffalo_l.zip');
    expect(err.message).toContain('rollcall models install buffalo_l --from <folder>');
    expect(err.message).toContain(path.join(dir, 'buffalo_l'));
    const missing = err.details?.missing as { name: string }[];
    expect(missing.map((m) => m.name)).toEqual(['det_10g.onnx', 'w600k_r50.onnx']);
  });

  it('says PACK_NOT_FOUND with the known names for an unknown pack', async () => {
    const dir = temp();
    const err = await rejection(() =>
      Promise.resolve().then(() => findPack('no-such-pack', settingsIn(dir, [dir]))),
    );
    expect(err.code).toBe('PACK_NOT_FOUND');
    expect(err.message).toContain('buffalo_l');
  });
});

describe('the checksum cache', () => {
  const temp = tempFolders();

  it('reuses a hash while path, size and mtime hold, and re-hashes after a change', async () => {
    const dir = temp();
    const file = path.join(dir, 'model.onnx');
    const when = 1_700_000_000; // whole seconds, so the mtime can be put back exactly
    writeFileSync(file, 'aaaa');
    utimesSync(file, when, when);
    const writer = new ChecksumCache(path.join(dir, 'c.json'));
    const first = await writer.sha256(file);
    writer.save();

    // Rewrite with other bytes of the same size and put the mtime back: the cache answers.
    writeFileSync(file, 'bbbb');
    utimesSync(file, when, when);
    const cache = new ChecksumCache(path.join(dir, 'c.json'));
    expect(await cache.sha256(file)).toBe(first);

    utimesSync(file, when, when + 5);
    expect(await cache.sha256(file)).not.toBe(first);
  });

  it('survives a cache file that is not JSON', async () => {
    const dir = temp();
    const file = path.join(dir, 'm');
    writeFileSync(file, 'x');
    writeFileSync(path.join(dir, 'c.json'), '{oops');
    const hash = await new ChecksumCache(path.join(dir, 'c.json')).sha256(file);
    expect(hash).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });
});
