import { status, type ServiceError } from '@grpc/grpc-js';
import {
  bytesToVector,
  createVisionClient,
  errorCodeOf,
  startVisionServer,
  type RunningVisionServer,
  type VisionCalls,
} from '@rollcall/contracts';
import { createLogger } from '@rollcall/log';
import { addSample, createPerson } from '@rollcall/registry';
import { FaceAnalyzer, closeAllSessions, cosineSimilarity, loadPack } from '@rollcall/vision';

import { ImageAnalyst, createVisionService } from '../src';
import { describeIfData } from '../../../packages/vision/test/support/data';
import { GROUP_PHOTO, LFW_DIR, NO_FACE_PHOTO, readData } from '../../detector/test/support/frames';
import {
  connect,
  deletePrefix,
  requireRedis,
  testKeySpace,
} from '../../detector/test/support/redis';

const logger = createLogger({ service: 'vision-test', level: 'silent' });
const keys = testKeySpace('vision');
const redis = connect('vision-test');
const lfw = (name: string, n: number) => readData(`${LFW_DIR}/${name}/${name}_000${n}.jpg`);

async function refusal(call: Promise<unknown>): Promise<ServiceError> {
  const outcome = await call.then(
    () => new Error('the call succeeded'),
    (error: unknown) => error,
  );
  return outcome as ServiceError;
}

describeIfData('Vision gRPC service on real photos', GROUP_PHOTO, () => {
  let analyzer: FaceAnalyzer;
  let server: RunningVisionServer;
  let client: VisionCalls;

  beforeAll(async () => {
    await requireRedis(redis);
    analyzer = await FaceAnalyzer.create(await loadPack('rollcall-default'));
    const service = createVisionService({
      analyst: new ImageAnalyst(analyzer),
      registry: { redis, keys },
      logger,
    });
    server = await startVisionServer(service);
    client = createVisionClient(`127.0.0.1:${server.port}`);
  });
  afterAll(async () => {
    client.close();
    await server.close();
    await deletePrefix(redis, keys.prefix);
    await analyzer.close();
    await closeAllSessions();
    redis.disconnect();
  });

  it('DetectAndEmbed returns every face with quality, issues and the embedding', async () => {
    const jpeg = readData(GROUP_PHOTO);
    const direct = await analyzer.analyze(jpeg);
    const reply = await client.detectAndEmbed({ image: jpeg, maxFaces: 0 });

    expect(reply).toMatchObject({ imageWidth: direct.width, imageHeight: direct.height });
    expect(reply.pack).toBe('rollcall-default');
    expect(reply.threshold).toBeCloseTo(analyzer.threshold, 5);
    expect(reply.faces).toHaveLength(direct.faces.length);
    const areas = reply.faces.map((f) => (f.box?.width ?? 0) * (f.box?.height ?? 0));
    expect(areas).toEqual([...areas].sort((a, b) => b - a));

    for (const face of reply.faces) {
      const same = direct.faces.find((d) => Math.abs(d.box.x - (face.box?.x ?? NaN)) < 0.01);
      const vector = bytesToVector(face.vectorF32);
      expect(face.modelId).toBe(analyzer.modelId);
      expect(
        cosineSimilarity(
          { modelId: face.modelId, vector },
          same?.embedding ?? { modelId: '', vector },
        ),
      ).toBeGreaterThan(0.99);
      expect(face.quality?.interEyePx).toBeGreaterThan(5);
      for (const issue of face.issues) expect(issue.message.length).toBeGreaterThan(10);
    }
    // Four people of similar size: each face is one of several comparable faces.
    expect(reply.faces[0]?.issues.map((i) => i.code)).toContain('FACE_MULTIPLE');

    const two = await client.detectAndEmbed({ image: jpeg, maxFaces: 2 });
    expect(two.faces.map((f) => f.box)).toEqual(reply.faces.slice(0, 2).map((f) => f.box));
  });

  it('embeds the mirrored face too when the request asks for flip', async () => {
    const image = lfw('Aaron_Peirsol', 3);
    const plain = await client.detectAndEmbed({ image, maxFaces: 1 });
    const flipped = await client.detectAndEmbed({ image, maxFaces: 1, flip: true });
    const vectorOf = (reply: typeof plain) => ({
      modelId: reply.faces[0]?.modelId ?? '',
      vector: bytesToVector(reply.faces[0]?.vectorF32 ?? Buffer.alloc(0)),
    });
    const similarity = cosineSimilarity(vectorOf(plain), vectorOf(flipped));
    // The same face, so close; averaged with its mirror image, so not identical.
    expect(similarity).toBeGreaterThan(0.8);
    expect(similarity).toBeLessThan(0.9999);
  });

  it('DetectAndEmbed on a photo without faces returns no face', async () => {
    const reply = await client.detectAndEmbed({ image: readData(NO_FACE_PHOTO), maxFaces: 0 });
    expect(reply.faces).toEqual([]);
    expect(reply.imageWidth).toBeGreaterThan(0);
  });

  it('refuses a corrupt file with INVALID_ARGUMENT and the registry code', async () => {
    const corrupt = readData(GROUP_PHOTO).subarray(0, 500);
    const error = await refusal(client.detectAndEmbed({ image: corrupt, maxFaces: 0 }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(errorCodeOf(error)).toBe('IMAGE_UNREADABLE');
    expect(error.details).toMatch(/^IMAGE_UNREADABLE: /);

    const empty = await refusal(client.identify({ image: Buffer.alloc(0), maxFaces: 0 }));
    expect(empty.code).toBe(status.INVALID_ARGUMENT);
    expect(errorCodeOf(empty)).toBe('IMAGE_EMPTY');
  });

  it('Identify names an enrolled person and leaves a stranger unknown', async () => {
    const registry = { redis, keys };
    const person = await createPerson(registry, { name: 'Aaron Peirsol' });
    const enrol = await analyzer.analyze(lfw('Aaron_Peirsol', 1), { maxFaces: 1 });
    const embedding = enrol.faces[0]?.embedding;
    if (embedding === undefined) throw new Error('no face in the enrolment photo');
    await addSample(registry, person.id, { embedding });

    const same = await client.identify({ image: lfw('Aaron_Peirsol', 2), maxFaces: 1 });
    expect(same.faces[0]?.personId).toBe(person.id);
    expect(same.faces[0]?.score).toBeGreaterThanOrEqual(same.threshold);
    expect(same.faces[0]?.candidates[0]?.personId).toBe(person.id);

    const other = await client.identify({ image: lfw('Abdullah_Gul', 1), maxFaces: 1 });
    expect(other.faces).toHaveLength(1);
    expect(other.faces[0]?.personId).toBe('');
    expect(other.faces[0]?.score).toBeLessThan(other.threshold);
  });
});
