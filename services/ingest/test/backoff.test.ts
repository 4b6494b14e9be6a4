import { backoffDelay } from '../src/sources/backoff';

describe('backoffDelay', () => {
  const options = { baseMs: 500, maxMs: 30_000 };

  it('doubles per failure, between half and all of the exponential delay', () => {
    for (const failures of [0, 1, 2, 3, 4]) {
      const full = 500 * 2 ** failures;
      expect(backoffDelay(failures, options, () => 0)).toBe(full / 2);
      expect(backoffDelay(failures, options, () => 1)).toBe(full);
    }
  });

  it('never goes past the cap', () => {
    expect(backoffDelay(50, options, () => 1)).toBe(30_000);
    expect(backoffDelay(50, options, () => 0)).toBe(15_000);
  });

  it('spreads retries out with the random half', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay >= 2_000 && delay <= 4_000).toBe(true);
  });
});
