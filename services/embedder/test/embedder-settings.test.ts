import { isRollcallError } from '@rollcall/errors';

import { loadEmbedderSettings } from '../src';

describe('embedder settings', () => {
  it('fills every default', () => {
    expect(loadEmbedderSettings({})).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: '{rollcall}',
      batchSize: 8,
      batchWaitMs: 10,
      grpcHost: '127.0.0.1',
      grpcPort: 50051,
    });
  });

  it('lists every bad variable in one error', () => {
    const env = {
      ROLLCALL_EMBED_BATCH: '0',
      ROLLCALL_GRPC_PORT: '70000',
      ROLLCALL_KEY_PREFIX: 'a:b',
    };
    let variables: unknown;
    try {
      loadEmbedderSettings(env);
    } catch (error) {
      if (!isRollcallError(error, 'CONFIG_INVALID')) throw error;
      variables = (error.details?.problems as { variable: string }[]).map((p) => p.variable).sort();
    }
    expect(variables).toEqual([
      'ROLLCALL_EMBED_BATCH',
      'ROLLCALL_GRPC_PORT',
      'ROLLCALL_KEY_PREFIX',
    ]);
  });
});
