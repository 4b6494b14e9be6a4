/**
 * The tracker and votes on real video: the whole Hamilton clip at 10 fps, matched as
 * `test/support/video-matches.ts` does, run through the attendance engine with its
 * defaults. Prints how faces were joined into tracks: the box overlap and cosine of each
 * continued face with its track, the best cosine to any other live track, and the records.
 * Run: `pnpm --filter @rollcall/attendance bench:video` (`ROLLCALL_PACK` picks the pack).
 */
import { AttendanceEngine, cosine, iou, type FaceMatch, type Track } from '../src';
import { T0 } from '../test/support/faces';
import { videoMatches, videoUnavailable } from '../test/support/video-matches';

function quantiles(values: number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] as number).toFixed(2);
  return `min ${at(0)}, p10 ${at(0.1)}, median ${at(0.5)}, max ${at(1)} (n=${sorted.length})`;
}

/** The engine keeps its trackers private; this bench reads them to measure them. */
function liveTracks(engine: AttendanceEngine): Track[] {
  const { trackers } = engine as unknown as { trackers: Map<string, { liveTracks: Track[] }> };
  return [...trackers.values()].flatMap((tracker) => tracker.liveTracks);
}

async function main(): Promise<void> {
  const unavailable = videoUnavailable();
  if (unavailable !== undefined) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  const video = await videoMatches({ fps: 10 });
  const engine = new AttendanceEngine();

  const own = { iou: [] as number[], cosine: [] as number[] };
  const others: number[] = [];
  const tracksOf = new Map<string, Set<string>>();
  const records: string[] = [];
  let started = 0;

  for (const match of video.matches) {
    const before = new Map(liveTracks(engine).map((t) => [t.id, { ...t }]));
    const observation = engine.observe(match, 'entry');
    engine.commit(observation.decision);
    if (observation.started) started += 1;
    measure(match, observation.track.id, before, own, others);

    if (match.personId !== '') {
      const set = tracksOf.get(match.personId) ?? new Set<string>();
      tracksOf.set(match.personId, set.add(observation.track.id));
    }
    const record = observation.decision.record;
    if (record) records.push(`${record.type} ${record.personId} at +${record.atMs - T0} ms`);
  }

  console.log(`pack: ${video.packName}, match threshold ${video.threshold}`);
  console.log(`frames: ${video.frames}, faces: ${video.matches.length}, tracks: ${started}`);
  for (const [person, tracks] of tracksOf) {
    const faces = video.matches.filter((m) => m.personId === person).length;
    console.log(`  ${person}: ${faces} matched faces on ${tracks.size} track(s)`);
  }
  console.log(`IoU with the own track's last box: ${quantiles(own.iou)}`);
  console.log(`cosine with the own track's last face: ${quantiles(own.cosine)}`);
  console.log(`cosine with every other live track: ${quantiles(others)}`);
  const byAppearance = own.cosine.filter((_, i) => (own.iou[i] as number) < 0.3);
  console.log(`joined with IoU < 0.3 (by appearance): ${quantiles(byAppearance)}`);
  console.log(`records: ${records.length === 0 ? 'none' : records.join('; ')}`);
}

function measure(
  match: FaceMatch,
  trackId: string,
  before: Map<string, Track>,
  own: { iou: number[]; cosine: number[] },
  others: number[],
): void {
  for (const [id, track] of before) {
    const similarity = cosine(track.vector, match.vector) ?? NaN;
    if (id !== trackId) {
      others.push(similarity);
      continue;
    }
    own.iou.push(iou(track.box, match.box));
    own.cosine.push(similarity);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
