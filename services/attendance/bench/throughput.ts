/**
 * Matches per second through the attendance logic alone and through the whole service on
 * the Redis at REDIS_URL (decode, track, vote, rules, Lua write, ack). Prints figures; run
 * with `pnpm --filter @rollcall/attendance bench`. Keys go under a random prefix, deleted
 * after.
 */
import { performance } from 'node:perf_hooks';

import { AttendanceEngine, type FaceMatch } from '../src';
import { standing } from '../test/support/faces';
import { connect, deletePrefix, requireRedis, testKeySpace } from '../test/support/redis';
import { ENGINE, RunningService, appendMatches, storedRecords } from '../test/support/service';

const CAMERAS = 4;
const PEOPLE_PER_CAMERA = 3;
/** 60 s of video at 5 fps per person. */
const FRAMES = 300;

function scene(): FaceMatch[] {
  const matches: FaceMatch[] = [];
  for (let c = 0; c < CAMERAS; c += 1) {
    for (let p = 0; p < PEOPLE_PER_CAMERA; p += 1) {
      matches.push(
        ...standing({
          personId: `person-${c}-${p}`,
          vectorSeed: 100 * c + p + 1,
          frames: FRAMES,
          cameraId: `cam-${c}`,
          x: 50 + 200 * p,
          index: p,
        }),
      );
    }
  }
  return matches.sort((a, b) => a.capturedAtMs - b.capturedAtMs);
}

function engineRate(matches: readonly FaceMatch[]): number {
  const engine = new AttendanceEngine(ENGINE);
  const started = performance.now();
  for (const match of matches) engine.commit(engine.observe(match, 'entry').decision);
  return matches.length / ((performance.now() - started) / 1000);
}

async function serviceRate(matches: readonly FaceMatch[]) {
  const redis = connect('attendance-bench');
  await requireRedis(redis);
  const keys = testKeySpace();
  try {
    await appendMatches(redis, keys, matches);
    const started = performance.now();
    const running = new RunningService(redis, keys, { now: 0 }, 'bench');
    await running.drained();
    const seconds = (performance.now() - started) / 1000;
    await running.stop();
    const { records } = await storedRecords(redis, keys);
    return { perSecond: matches.length / seconds, seconds, records: records.length };
  } finally {
    await deletePrefix(redis, keys.prefix);
    await redis.quit();
  }
}

async function main(): Promise<void> {
  const matches = scene();
  engineRate(matches); // warm-up: JIT and the formatters
  const engine = engineRate(matches);
  const service = await serviceRate(matches);

  console.log(`matches: ${matches.length} (${CAMERAS} cameras x ${PEOPLE_PER_CAMERA} people)`);
  console.log(`engine only: ${Math.round(engine)} matches/s`);
  console.log(
    `service on Redis: ${Math.round(service.perSecond)} matches/s ` +
      `(${service.seconds.toFixed(2)} s, ${service.records} records)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
