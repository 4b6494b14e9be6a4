import { AttendanceEngine, type AttendanceRecord } from '../src';
import { videoMatches, videoUnavailable, type VideoMatches } from './support/video-matches';

const unavailable = videoUnavailable();
const describeIfVideo = unavailable === undefined ? describe : describe.skip;
if (unavailable !== undefined) console.log(`skipping the video tracking test: ${unavailable}`);

describeIfVideo('the tracker and votes on real video (first 2 s of the Hamilton clip)', () => {
  let video: VideoMatches;
  const trackOf = new Map<string, string>();
  const records: AttendanceRecord[] = [];

  beforeAll(async () => {
    video = await videoMatches({ fps: 10, seconds: 2 });
    const engine = new AttendanceEngine();
    for (const match of video.matches) {
      const observation = engine.observe(match, 'entry');
      trackOf.set(match.faceId, observation.track.id);
      if (observation.decision.record) records.push(observation.decision.record);
      engine.commit(observation.decision);
    }
  }, 180_000);

  it('keeps each recognised person on one track', () => {
    const lin = video.matches.filter((m) => m.personId === 'lin-manuel-miranda');
    const linTracks = new Set(lin.map((m) => trackOf.get(m.faceId)));

    expect(lin.length).toBeGreaterThanOrEqual(10);
    expect(linTracks.size).toBe(1);
  });

  it('never puts two recognised people on one track', () => {
    const peopleOnTrack = new Map<string, Set<string>>();
    for (const match of video.matches.filter((m) => m.personId !== '')) {
      const track = trackOf.get(match.faceId) as string;
      peopleOnTrack.set(track, (peopleOnTrack.get(track) ?? new Set()).add(match.personId));
    }

    for (const people of peopleOnTrack.values()) expect(people.size).toBe(1);
  });

  it('checks each recognised person in once', () => {
    const checkIns = records.filter((r) => r.type === 'check_in').map((r) => r.personId);
    const recognised = new Set(video.matches.map((m) => m.personId).filter((p) => p !== ''));

    expect(checkIns.sort()).toEqual([...recognised].sort());
  });
});
