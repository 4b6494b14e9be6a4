import { isRollcallError } from '@rollcall/errors';

import { T0, standing } from './support/faces';
import { Scene } from './support/scene';

const MINUTE = 60_000;
const options = {
  voting: { votesNeeded: 3, windowMs: 2_000 },
  rules: { cooldownMs: 60 * MINUTE, checkoutTimeoutMs: 10 * MINUTE },
};

function ada(startMs: number, frames: number, firstSeq: number) {
  return standing({ personId: 'ada', vectorSeed: 1, frames, startMs, firstSeq });
}

describe('AttendanceEngine.retune', () => {
  it('applies a shorter cooldown to the next sighting', () => {
    const scene = new Scene(options);
    scene.play(ada(T0, 3, 1));
    expect(scene.play(ada(T0 + 10 * MINUTE, 3, 10))).toEqual([]);

    scene.engine.retune({ rules: { cooldownMs: 5 * MINUTE } });
    const again = scene.play(ada(T0 + 20 * MINUTE, 3, 20));

    expect(again.map((r) => [r.type, r.atMs - T0])).toEqual([['check_in', 20 * MINUTE + 400]]);
    expect(scene.engine.presenceOf('ada')?.checkInAtMs).toBe(T0 + 20 * MINUTE + 400);
  });

  it("judges a live track's votes by the new vote window", () => {
    const scene = new Scene(options);
    expect(scene.play(ada(T0, 2, 1))).toEqual([]);

    // The third vote comes 400 ms after the first: inside 2 s, outside 300 ms.
    scene.engine.retune({ voting: { windowMs: 300 } });
    expect(scene.play(ada(T0 + 400, 1, 3))).toEqual([]);
    scene.engine.retune({ voting: { windowMs: 2_000 } });
    const decided = scene.play(ada(T0 + 600, 1, 4));

    expect(decided.map((r) => [r.type, r.atMs - T0])).toEqual([['check_in', 600]]);
  });

  it('refuses a value that is not a positive whole number and keeps the old ones', () => {
    const scene = new Scene(options);
    let caught: unknown;
    try {
      scene.engine.retune({ voting: { windowMs: 100 }, rules: { cooldownMs: 0 } });
    } catch (error) {
      caught = error;
    }

    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
    // Still a 2 s window: three votes over 400 ms decide.
    expect(scene.play(ada(T0, 3, 1)).map((r) => r.type)).toEqual(['check_in']);
  });
});
