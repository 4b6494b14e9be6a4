import { connect, deletePrefix, testKeySpace } from '../../detector/test/support/redis';
import { startAndTerminate } from '../../detector/test/support/process';

const keys = testKeySpace('embedder-main');
const redis = connect('embedder-main-test');

describe('embedder process', () => {
  afterAll(async () => {
    await deletePrefix(redis, keys.prefix);
    redis.disconnect();
  });

  it('serves gRPC, joins its group and stops cleanly on SIGTERM', async () => {
    const env = {
      ROLLCALL_KEY_PREFIX: keys.prefix,
      ROLLCALL_CONSUMER: 'main-test',
      ROLLCALL_GRPC_PORT: '0',
      ROLLCALL_EMBED_BATCH: '2',
    };
    const { code, output } = await startAndTerminate('embedder', env, 'consumer group created');
    expect(code).toBe(0);
    expect(output).toMatch(/"grpcPort":[1-9]\d*/);
    expect(output).toContain('"msg":"embedder stopped"');
    const groups = (await redis.xinfo('GROUPS', keys.faces.key)) as unknown[][];
    expect(groups.map((g) => g[1])).toEqual(['embedder']);
  }, 60_000);
});
