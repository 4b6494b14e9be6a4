import { CameraTracker, cosine, iou } from '../src';
import { T0, box, face, jitter, personVector, standing } from './support/faces';

describe('CameraTracker', () => {
  it('keeps a face that moves a little across frames as one track', () => {
    const tracker = new CameraTracker('door-1');
    const faces = standing({ personId: 'ada', vectorSeed: 1, frames: 10 });

    const ids = faces.map((f) => tracker.assign(f).track.id);

    expect(new Set(ids).size).toBe(1);
    expect(tracker.liveTracks).toHaveLength(1);
    expect(tracker.liveTracks[0]?.sightings).toBe(10);
  });

  it('keeps two people side by side as two tracks', () => {
    const tracker = new CameraTracker('door-1');
    const ada = standing({ personId: 'ada', vectorSeed: 1, frames: 8, x: 100, index: 0 });
    const bob = standing({ personId: 'bob', vectorSeed: 2, frames: 8, x: 190, index: 1 });

    const adaIds = new Set<string>();
    const bobIds = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      adaIds.add(tracker.assign(ada[i]!).track.id);
      bobIds.add(tracker.assign(bob[i]!).track.id);
    }

    expect(adaIds.size).toBe(1);
    expect(bobIds.size).toBe(1);
    expect([...adaIds][0]).not.toBe([...bobIds][0]);
  });

  it('gives each of two faces in one frame its own track even when they look alike', () => {
    const tracker = new CameraTracker('door-1');
    const twin = personVector(3);
    const first = face({ seq: 1, atMs: T0, box: box(100, 100), vector: twin });
    const second = face({ seq: 1, index: 1, atMs: T0, box: box(110, 100), vector: twin });

    expect(tracker.assign(first).track.id).not.toBe(tracker.assign(second).track.id);
  });

  it('starts a new track after a gap longer than maxGapMs', () => {
    const tracker = new CameraTracker('door-1', { maxGapMs: 1_000 });
    const before = standing({ personId: 'ada', vectorSeed: 1, frames: 3 });
    const after = standing({
      personId: 'ada',
      vectorSeed: 1,
      frames: 3,
      firstSeq: 20,
      startMs: T0 + 400 + 1_500,
    });

    const first = before.map((f) => tracker.assign(f).track.id);
    const next = tracker.assign(after[0]!);

    expect(new Set(first).size).toBe(1);
    expect(next.started).toBe(true);
    expect(next.track.id).not.toBe(first[0]);
    expect(next.ended.map((t) => t.id)).toEqual([first[0]]);
  });

  it('continues a track within the gap and ends it on expire', () => {
    const tracker = new CameraTracker('door-1', { maxGapMs: 1_000 });
    const [a, b] = standing({ personId: 'ada', vectorSeed: 1, frames: 2, stepMs: 900 });

    const id = tracker.assign(a!).track.id;
    expect(tracker.assign(b!).track.id).toBe(id);
    expect(tracker.expire(T0 + 900 + 999)).toEqual([]);
    expect(tracker.expire(T0 + 900 + 1_001).map((t) => t.id)).toEqual([id]);
    expect(tracker.liveTracks).toHaveLength(0);
  });

  it('does not continue a track with a face that overlaps it but looks like someone else', () => {
    const tracker = new CameraTracker('door-1');
    const ada = face({ seq: 1, atMs: T0, box: box(100, 100), vector: personVector(1) });
    const bob = face({ seq: 2, atMs: T0 + 200, box: box(104, 100), vector: personVector(2) });

    expect(tracker.assign(ada).track.id).not.toBe(tracker.assign(bob).track.id);
  });

  it('picks up a face that jumped across the frame when it clearly looks the same', () => {
    const tracker = new CameraTracker('door-1');
    const base = personVector(1);
    const here = face({ seq: 1, atMs: T0, box: box(100, 100), vector: jitter(base, 1) });
    const there = face({ seq: 2, atMs: T0 + 200, box: box(600, 100), vector: jitter(base, 2) });

    expect(iou(here.box, there.box)).toBe(0);
    expect(cosine(here.vector, there.vector)).toBeGreaterThan(0.6);
    expect(tracker.assign(there).track.id).toBe(tracker.assign(here).track.id);
  });

  it('returns the same track for a redelivered face', () => {
    const tracker = new CameraTracker('door-1');
    const [a, b] = standing({ personId: 'ada', vectorSeed: 1, frames: 2 });

    const first = tracker.assign(a!).track;
    tracker.assign(b!);
    const again = tracker.assign(b!);

    expect(again.track.id).toBe(first.id);
    expect(again.started).toBe(false);
    expect(again.track.sightings).toBe(2);
  });
});

describe('iou and cosine', () => {
  it('measure overlap and similarity', () => {
    expect(iou(box(0, 0, 10), box(0, 0, 10))).toBe(1);
    expect(iou(box(0, 0, 10), box(5, 0, 10))).toBeCloseTo(50 / 150);
    expect(iou(box(0, 0, 10), box(20, 0, 10))).toBe(0);
    expect(cosine(personVector(1), personVector(1))).toBeCloseTo(1);
    expect(Math.abs(cosine(personVector(1), personVector(2))!)).toBeLessThan(0.3);
    expect(cosine(personVector(1), new Float32Array(0))).toBeUndefined();
  });
});
