import { isRollcallError } from '@rollcall/errors';
import { resolveDetectOptions } from '../../src/detect/detect-options';

const pack = { scoreThreshold: 0.6, nmsIou: 0.4 };

describe('resolveDetectOptions', () => {
  it('falls back to the pack thresholds and no face limit', () => {
    expect(resolveDetectOptions(undefined, pack)).toEqual({
      minScore: 0.6,
      nmsIou: 0.4,
      maxFaces: Number.POSITIVE_INFINITY,
    });
    expect(resolveDetectOptions({ minScore: 0.2, maxFaces: 3 }, pack)).toEqual({
      minScore: 0.2,
      nmsIou: 0.4,
      maxFaces: 3,
    });
  });

  it.each([
    [{ minScore: 1.5 }, 'minScore'],
    [{ minScore: Number.NaN }, 'minScore'],
    [{ nmsIou: -0.1 }, 'nmsIou'],
    [{ maxFaces: 0 }, 'maxFaces'],
    [{ maxFaces: 2.5 }, 'maxFaces'],
  ])('refuses %p with INVALID_ARGUMENT naming the option', (options, name) => {
    expect.assertions(2);
    try {
      resolveDetectOptions(options, pack);
    } catch (err) {
      expect(isRollcallError(err, 'INVALID_ARGUMENT')).toBe(true);
      expect((err as Error).message).toContain(name);
    }
  });
});
