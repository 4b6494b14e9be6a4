import { readFileSync } from 'node:fs';

import { startVisionServer, type RunningVisionServer } from '@rollcall/contracts';
import { ImageAnalyst, createVisionService } from '@rollcall/embedder';
import { createLogger } from '@rollcall/log';
import { createKeySpace } from '@rollcall/streams';
import { decodeEmbedding, type Embedding, type FaceAnalyzer } from '@rollcall/vision';
import Redis from 'ioredis';

import { GrpcVisionClient } from '../src';
import { dataPath, describeIfData } from '../../../packages/vision/test/support/data';
import { analyzerIfPresent } from './support/analyzer';
import { multipart, type FilePart } from './support/multipart';
import { codeOf, REDIS_URL, startTestApp, type TestApp } from './support/test-app';

const POWELL_1 = 'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0001.jpg';
const DOGS = 'group-photos/dlib-examples-faces/dogs.jpg';

function photo(relPath: string): FilePart {
  return { filename: relPath.split('/').pop() as string, content: readFileSync(dataPath(relPath)) };
}

interface Enrollment {
  accepted: { sampleId: string }[];
  refused: { code: string }[];
}

describeIfData('enrollment through the vision workers over gRPC', POWELL_1, () => {
  let analyzer: FaceAnalyzer | undefined;
  let server: RunningVisionServer;
  let vision: GrpcVisionClient;
  let t: TestApp;
  let workerRedis: Redis | undefined;

  beforeAll(async () => {
    analyzer = await analyzerIfPresent();
    if (analyzer === undefined) return;
    // DetectAndEmbed never reads the registry (Identify does): an unused key space will do.
    workerRedis = new Redis(REDIS_URL, { connectionName: 'vision-test' });
    const service = createVisionService({
      analyst: new ImageAnalyst(analyzer),
      registry: { redis: workerRedis, keys: createKeySpace('{test-api-vision-unused}') },
      logger: createLogger({ service: 'vision-test', level: 'error' }),
    });
    server = await startVisionServer(service);
    vision = new GrpcVisionClient(`127.0.0.1:${server.port}`);
    t = await startTestApp({ vision });
  });

  afterAll(async () => {
    await t?.close();
    await vision?.close();
    await server?.close();
    await analyzer?.close();
    await workerRedis?.quit();
  });

  async function enrol(files: FilePart[]) {
    const person = await t.app.inject({
      method: 'POST',
      url: '/v1/people',
      headers: { authorization: t.auth },
      payload: { name: 'Over gRPC' },
    });
    const id = person.json<{ id: string }>().id;
    const { payload, headers } = multipart(files);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/people/${id}/faces`,
      headers: { ...headers, authorization: t.auth },
      payload,
    });
    return { id, reply };
  }

  it('stores the embedding the analyzer makes in process; refuses with codes', async () => {
    if (analyzer === undefined) return;
    const text = { filename: 'a.txt', content: Buffer.from('hello'), type: 'text/plain' };
    const { id, reply } = await enrol([photo(POWELL_1), photo(DOGS), text]);
    const body = reply.json<Enrollment>();
    expect(body.accepted).toHaveLength(1);
    expect(body.refused.map((r) => r.code)).toEqual(['FACE_NOT_FOUND', 'IMAGE_UNREADABLE']);

    const sampleId = body.accepted[0]?.sampleId as string;
    const stored = await t.redis.hgetBuffer(t.keys.samples(id), sampleId);
    const local = await analyzer.analyze(readFileSync(dataPath(POWELL_1)), { maxFaces: 1 });
    const similarity = analyzer.compare(
      decodeEmbedding(stored as Buffer),
      local.faces[0]?.embedding as Embedding,
    ).similarity;
    expect(similarity).toBeGreaterThan(0.99);

    const ready = await t.app.inject({ url: '/ready' });
    expect(ready.json()).toMatchObject({ vision: { ok: true } });
  });

  it('learns the pack from the workers before any enrollment', async () => {
    if (analyzer === undefined) return;
    const fresh = new GrpcVisionClient(`127.0.0.1:${server.port}`);
    await expect(fresh.ready()).resolves.toEqual({ pack: analyzer.pack.manifest.name });
    await fresh.close();
  });

  it('answers 503 VISION_UNAVAILABLE when the workers are gone', async () => {
    if (analyzer === undefined) return;
    await server.close();
    const { reply } = await enrol([photo(POWELL_1)]);
    expect(reply.statusCode).toBe(503);
    expect(codeOf(reply.body)).toBe('VISION_UNAVAILABLE');
  });
});
