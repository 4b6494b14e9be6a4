import path from 'node:path';
import { DATA_DIR, describeIfPresent, rollcall } from './run-cli';

jest.setTimeout(180_000);

const PHOTO = path.join(DATA_DIR, 'bbt-face-api-js', 'identities', 'amy', 'amy1.png');

describe("the runtime libraries' own log lines", () => {
  it('leaves one coded line when Redis does not answer, nothing from ioredis', () => {
    const run = rollcall(['keys', 'list'], { REDIS_URL: 'redis://127.0.0.1:1' });

    expect(run.code).toBe(4);
    expect(run.stderr).not.toContain('ioredis');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^rollcall: REDIS_UNAVAILABLE: /),
    ]);
  });

  describeIfPresent('onnxruntime', PHOTO, () => {
    it('prints none of its own lines when the cuda provider cannot load', () => {
      const run = rollcall(['detect', PHOTO], { ROLLCALL_PROVIDER: 'cuda' });

      expect(run.stderr).not.toMatch(/\[E:onnxruntime|provider_bridge/);
      // Where onnxruntime's CUDA binaries are installed the command simply works.
      if (run.code !== 0) {
        expect(run.code).toBe(4);
        expect(run.stderr.trim().split('\n')).toEqual([
          expect.stringMatching(/^rollcall: PROVIDER_UNAVAILABLE: /),
        ]);
      }
    });
  });
});
