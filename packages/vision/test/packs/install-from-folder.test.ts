import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installPackFromFolder, licenceNotice, findPack, resolvePack } from '../../src/packs';
import { describeIfModel, modelPath, MODELS_DIR } from '../support/data';
import { rejection, settingsIn, tempFolders } from './pack-fixtures';

describeIfModel('installing a pack from a folder', 'w600k_mbf_int8/mobilefacenet_int8.onnx', () => {
  const temp = tempFolders();

  it('copies the verified files into ROLLCALL_MODELS_DIR/<pack>/ and resolves there', async () => {
    const root = temp();
    const settings = settingsIn(root, [path.join(root, 'installed')]);
    const result = await installPackFromFolder('buffalo_s_int8', MODELS_DIR, settings);

    const destination = path.join(root, 'installed', 'buffalo_s_int8');
    expect(result.destination).toBe(destination);
    expect(result.copied).toEqual(['det_500m.onnx', 'mobilefacenet_int8.onnx']);
    // Buffer.equals: jest's deep equality walks a 2.5 MB buffer byte by byte for seconds.
    const copy = readFileSync(path.join(destination, 'det_500m.onnx'));
    expect(copy.equals(readFileSync(modelPath('scrfd_500m_kps/det_500m.onnx')))).toBe(true);

    const pack = await resolvePack(findPack('buffalo_s_int8', settings).manifest, settings);
    expect(pack.files.get('det_500m.onnx')).toBe(path.join(destination, 'det_500m.onnx'));

    const again = await installPackFromFolder('buffalo_s_int8', MODELS_DIR, settings);
    expect(again.copied).toEqual([]);
    expect(again.alreadyInstalled).toEqual(['det_500m.onnx', 'mobilefacenet_int8.onnx']);
  });

  it('copies what it finds and names what is still missing', async () => {
    const root = temp();
    const settings = settingsIn(root, [path.join(root, 'installed')]);
    // buffalo_s needs det_500m.onnx (in the store) and w600k_mbf.onnx (not in it).
    const err = await rejection(() => installPackFromFolder('buffalo_s', MODELS_DIR, settings));
    expect(err.code).toBe('PACK_FILE_MISSING');
    expect(err.message).toContain('w600k_mbf.onnx from InsightFace buffalo_s.zip');
    expect(err.message).not.toContain('det_500m.onnx or');
    expect(existsSync(path.join(root, 'installed', 'buffalo_s', 'det_500m.onnx'))).toBe(true);
  });

  it('refuses a wrong file without installing it', async () => {
    const root = temp();
    const offered = path.join(root, 'offered');
    mkdirSync(offered);
    writeFileSync(path.join(offered, 'face_detection_yunet_2023mar.onnx'), 'not yunet');
    const settings = settingsIn(root, []);
    const err = await rejection(() => installPackFromFolder('yunet_2023mar', offered, settings));
    expect(err.code).toBe('PACK_CHECKSUM_MISMATCH');
    expect(existsSync(path.join(root, 'installed', 'yunet_2023mar'))).toBe(false);
  });

  it('installs a user pack with its own manifest, pinning an unpinned file', async () => {
    const root = temp();
    const offered = path.join(root, 'my-detector');
    mkdirSync(offered);
    const shipped = findPack('yunet_2023mar', settingsIn(root, [])).manifest;
    const own = {
      ...shipped,
      name: 'my-detector',
      files: [{ ...shipped.files[0], sha256: null, bytes: null, aliases: [] }],
    };
    writeFileSync(path.join(offered, 'manifest.json'), JSON.stringify(own));
    writeFileSync(
      path.join(offered, 'face_detection_yunet_2023mar.onnx'),
      readFileSync(modelPath('yunet_2023mar/face_detection_yunet_2023mar.onnx')),
    );

    const settings = settingsIn(root, [path.join(root, 'installed')]);
    const result = await installPackFromFolder('my-detector', offered, settings);
    expect(result.pinnedNow).toEqual(['face_detection_yunet_2023mar.onnx']);

    const known = findPack('my-detector', settings);
    expect(known.origin).toBe('user');
    const pins = JSON.parse(readFileSync(path.join(result.destination, 'pins.json'), 'utf8'));
    expect(pins['face_detection_yunet_2023mar.onnx'].sha256).toBe(shipped.files[0]?.sha256);

    // Once pinned, a changed file is caught like any other.
    writeFileSync(path.join(result.destination, 'face_detection_yunet_2023mar.onnx'), 'changed');
    const err = await rejection(() => resolvePack(known.manifest, settings));
    expect(err.code).toBe('PACK_CHECKSUM_MISMATCH');
  });
});

describe('the licence notice', () => {
  it('says an InsightFace pack is for non-commercial research only, in the authors words', () => {
    const root = '/nonexistent';
    const notice = licenceNotice(findPack('buffalo_l', settingsIn(root, [])).manifest);
    expect(notice).toContain('non-commercial research purposes only');
    expect(notice).toContain('NON-COMMERCIAL RESEARCH ONLY');
  });
});
