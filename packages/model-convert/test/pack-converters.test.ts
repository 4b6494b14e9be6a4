import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRollcallError } from '@rollcall/errors';
import { FACE_API_RECOGNITION_INPUTS, packConverters } from '../src';
import { describeIfFaceApi, faceApiPath } from './support/face-api-files';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describeIfFaceApi('the converter registry the pack installer calls', () => {
  const files = new Map([
    [
      FACE_API_RECOGNITION_INPUTS.manifest,
      faceApiPath('model/face_recognition_model-weights_manifest.json'),
    ],
    [FACE_API_RECOGNITION_INPUTS.weights, faceApiPath('model/face_recognition_model.bin')],
  ]);
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'rollcall-convert-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the ONNX file after checking the pinned input checksums', async () => {
    const convert = packConverters.get('face-api-dlib-resnet-v1');
    const output = path.join(dir, 'dlib.onnx');
    const inputSha256 = Object.fromEntries([...files].map(([p, f]) => [p, sha(f)]));
    await convert?.({ files, output, options: { inputSha256 } });
    expect(readFileSync(output).length).toBeGreaterThan(20_000_000);
  });

  it('refuses an input whose sha256 differs from its pin', async () => {
    const convert = packConverters.get('face-api-dlib-resnet-v1');
    const inputSha256 = { [FACE_API_RECOGNITION_INPUTS.weights]: '0'.repeat(64) };
    const output = path.join(dir, 'never.onnx');
    const caught = await convert?.({ files, output, options: { inputSha256 } }).catch((e) => e);
    expect(isRollcallError(caught, 'PACK_CHECKSUM_MISMATCH')).toBe(true);
  });
});
