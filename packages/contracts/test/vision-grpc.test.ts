import { status, type ServiceError } from '@grpc/grpc-js';
import { RollcallError } from '@rollcall/errors';

import {
  createVisionClient,
  errorCodeOf,
  startVisionServer,
  toServiceError,
  vectorToBytes,
  type RunningVisionServer,
  type VisionCalls,
  type VisionServer,
} from '../src';

// A real server on loopback with a small implementation: what is tested is the wiring
// (definitions, encoding, error mapping), not the vision work behind it.
const implementation: VisionServer = {
  detectAndEmbed: (call, callback) => {
    if (call.request.image.length === 0) {
      callback(toServiceError(new RollcallError('IMAGE_EMPTY', 'Send the image bytes.')));
      return;
    }
    callback(null, {
      faces: [],
      imageWidth: call.request.image.length,
      imageHeight: call.request.maxFaces,
      pack: 'test',
      threshold: 0.5,
    });
  },
  identify: (_call, callback) => callback(toServiceError(new Error('/secret/path exploded'))),
};

describe('Vision gRPC factory', () => {
  let server: RunningVisionServer;
  let client: VisionCalls;

  beforeAll(async () => {
    server = await startVisionServer(implementation);
    client = createVisionClient(`127.0.0.1:${server.port}`);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('carries a request and its reply', async () => {
    const reply = await client.detectAndEmbed({ image: Buffer.from('abc'), maxFaces: 4 });
    expect(reply).toMatchObject({ imageWidth: 3, imageHeight: 4, pack: 'test' });
    expect(vectorToBytes([1]).length).toBe(4);
  });

  it('turns a RollcallError into a status with the registry code', async () => {
    const error = (await client
      .detectAndEmbed({ image: Buffer.alloc(0), maxFaces: 0 })
      .catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/^IMAGE_EMPTY: /);
    expect(errorCodeOf(error)).toBe('IMAGE_EMPTY');
  });

  it('hides the message of an unexpected error', async () => {
    const error = (await client
      .identify({ image: Buffer.from('x'), maxFaces: 0 })
      .catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).not.toContain('secret');
    expect(errorCodeOf(error)).toBeUndefined();
  });
});
