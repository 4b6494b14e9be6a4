import { T0, standing } from './support/faces';
import { Scene } from './support/scene';

const MINUTE = 60_000;
const options = {
  voting: { votesNeeded: 3, windowMs: 2_000 },
  rules: { cooldownMs: 60 * MINUTE, checkoutTimeoutMs: 10 * MINUTE },
};

function ada(startMs: number, frames = 5, cameraId = 'door-1', firstSeq = 1) {
  return standing({ personId: 'ada', vectorSeed: 1, frames, startMs, cameraId, firstSeq });
}

describe('attendance rules', () => {
  it('checks a person in once on K agreeing matches, at the deciding match', () => {
    const scene = new Scene(options);

    expect(scene.play(ada(T0, 2))).toEqual([]);
    const [record, ...more] = scene.play(ada(T0 + 400, 3, 'door-1', 3));

    expect(more).toEqual([]);
    expect(record).toMatchObject({
      personId: 'ada',
      type: 'check_in',
      atMs: T0 + 400,
      cameraId: 'door-1',
      faceId: 'door-1:3:0',
    });
    expect(record?.recordId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives no record for a second sighting within the cooldown, and a check-in after it', () => {
    const scene = new Scene(options);
    scene.play(ada(T0));

    // A new track (the first ended) 30 minutes later: within the 60-minute cooldown.
    expect(scene.play(ada(T0 + 30 * MINUTE, 5, 'door-1', 100))).toEqual([]);
    const later = scene.play(ada(T0 + 61 * MINUTE, 5, 'door-1', 200));

    expect(later.map((r) => [r.type, r.atMs])).toEqual([['check_in', T0 + 61 * MINUTE + 400]]);
    expect(scene.records.filter((r) => r.type === 'check_in')).toHaveLength(2);
  });

  it('checks out by timeout from the sweep, at the last sighting', () => {
    const scene = new Scene(options);
    const sightings = ada(T0, 10);
    scene.play(sightings);
    const lastSeen = T0 + 9 * 200;

    expect(scene.sweep(lastSeen + 10 * MINUTE - 1)).toEqual([]);
    const [checkOut] = scene.sweep(lastSeen + 10 * MINUTE);

    expect(checkOut).toMatchObject({
      personId: 'ada',
      type: 'check_out',
      atMs: lastSeen,
      faceId: 'door-1:10:0',
    });
    expect(scene.sweep(lastSeen + 60 * MINUTE)).toEqual([]);
  });

  it('checks out at once on an exit camera, and never checks in there', () => {
    const scene = new Scene(options, { 'exit-1': 'exit' });

    expect(scene.play(ada(T0, 5, 'exit-1'))).toEqual([]);
    scene.play(ada(T0 + MINUTE, 5, 'door-1', 50));
    const out = scene.play(ada(T0 + 5 * MINUTE, 5, 'exit-1', 80));

    expect(out.map((r) => [r.type, r.cameraId, r.atMs])).toEqual([
      ['check_out', 'exit-1', T0 + 5 * MINUTE + 400],
    ]);
    expect(scene.sweep(T0 + 120 * MINUTE)).toEqual([]);
  });

  it('records nothing for matches older than the last check-in (a replay)', () => {
    const scene = new Scene(options);
    const morning = ada(T0, 5);
    scene.play(morning);
    scene.sweep(T0 + 30 * MINUTE);

    const before = scene.records.map((r) => r.recordId);
    scene.sweep(T0 + 31 * MINUTE); // the tracker has dropped the old track
    scene.play(morning);

    expect(scene.records.map((r) => r.recordId)).toEqual(before);
  });

  it('decides the same record again for a redelivered match whose write failed', () => {
    const scene = new Scene(options);
    const [first, second, third] = ada(T0, 3);
    scene.play([first!, second!]);

    // The write of the deciding match fails: its decision is never committed.
    const lost = scene.engine.observe(third!, 'entry').decision;
    const retried = scene.engine.observe(third!, 'entry').decision;

    expect(lost.record?.type).toBe('check_in');
    expect(retried.record).toEqual(lost.record);
  });

  it('attributes nothing to unknown faces', () => {
    const scene = new Scene(options);
    const unknown = standing({ personId: '', vectorSeed: 9, frames: 20, startMs: T0 });

    expect(scene.play(unknown)).toEqual([]);
    expect(scene.sweep(T0 + 60 * MINUTE)).toEqual([]);
  });

  it("puts the naming match's score on a record that a below-threshold face triggers", () => {
    const scene = new Scene({ ...options, rules: { ...options.rules, cooldownMs: 500 } });
    const [first] = scene.play(ada(T0));

    // The same track goes on with faces the matcher could not name (score 0.25); past the
    // cooldown one of them checks Ada in again, with the score that named her.
    const unnamed = standing({
      personId: '',
      vectorSeed: 1,
      frames: 3,
      startMs: T0 + 1_000,
      firstSeq: 6,
      x: 115,
    });
    const [second] = scene.play(unnamed);

    expect(first?.score).toBe(0.625);
    expect(second).toMatchObject({ personId: 'ada', type: 'check_in', score: 0.625 });
  });
});
