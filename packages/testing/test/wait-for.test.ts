import { waitFor } from '../src';

describe('waitFor', () => {
  it('returns the first truthy value the condition gives', async () => {
    let polls = 0;

    const found = await waitFor('the third poll', () => (++polls >= 3 ? `poll ${polls}` : ''), {
      intervalMs: 1,
    });

    expect(found).toBe('poll 3');
    expect(polls).toBe(3);
  });

  it('awaits an async condition', async () => {
    const found = await waitFor('an async value', () => Promise.resolve(42));

    expect(found).toBe(42);
  });

  it('fails naming what was awaited and the last value seen', async () => {
    await expect(
      waitFor('something that never comes', () => 0, { timeoutMs: 30, intervalMs: 5 }),
    ).rejects.toThrow('Timed out after 30 ms waiting for something that never comes (last: 0)');
  });
});
