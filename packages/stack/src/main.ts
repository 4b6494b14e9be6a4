// `pnpm start`: every Rollcall service on this machine, a demo camera, and the check-ins
// printed as they happen. Ctrl-C stops everything cleanly.
import { loadVisionSettings } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import { parseCameraUrl, redactUrl } from '@rollcall/ingest';
import { watchParent } from '@rollcall/streams';
import Redis from 'ioredis';

import { parseStartArgs, USAGE, type StartArgs } from './cli/parse-args';
import { AdminApi } from './demo/api-client';
import { addCameraOnce, hamiltonDemo, setUpDemo } from './demo/demo-setup';
import { followAttendance } from './feed/attendance-feed';
import { startStack, type RunningStack } from './start-stack';

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // A camera URL ingest could never open is refused now, not after every service started.
  if (args.camera !== undefined) parseCameraUrl(args.camera);

  console.log('rollcall: starting the services (models load first; about half a minute)...');
  const stack = await startStack({
    apiPort: args.port,
    detectors: args.detectors,
    embedders: args.embedders,
  });
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) {
      // A second Ctrl-C: leave now; the services see their launcher gone and stop.
      console.log('rollcall: stopping at once');
      process.exit(130);
    }
    console.log('rollcall: stopping...');
    // Ctrl-C reaches the services too (one process group): their exits are not crashes.
    stack.supervisor.stop();
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Under `pnpm start`, pnpm is the parent: when it is killed, stop rather than run on.
  watchParent(stop);
  reportRestarts(stack);

  try {
    const api = new AdminApi(stack.apiUrl, stack.adminKey);
    const cameraNote = await addCameras(api, args);
    printBanner(stack, cameraNote, await cameraLines(api));
    await printCheckIns(stack, api, controller.signal);
  } finally {
    await stack.stop();
    console.log('rollcall: stopped.');
  }
}

function reportRestarts(stack: RunningStack): void {
  stack.supervisor.on('crashed', (name, exit, restartInMs) => {
    console.log(
      `rollcall: ${name} exited (${exit}); restarting it in ${restartInMs / 1000} s ` +
        `(its log: ${stack.logDir}/${name}.log)`,
    );
  });
  stack.supervisor.on('restarted', (name) => console.log(`rollcall: ${name} started again`));
}

async function addCameras(api: AdminApi, args: StartArgs): Promise<string> {
  if (args.camera !== undefined) {
    await addCameraOnce(api, 'Camera (pnpm start --camera)', args.camera);
    return `camera: ${args.camera}`;
  }
  if (args.noDemo) return 'no camera (--no-demo): add one in the console or with POST /v1/cameras';

  const demo = hamiltonDemo(loadVisionSettings().dataDir);
  if (demo === undefined) {
    return 'no demo camera: the demo video is not here (set ROLLCALL_DATA_DIR to the shared data)';
  }
  const setup = await setUpDemo(api, demo);
  const enrolled = setup.enrolled.length > 0 ? `; enrolled ${setup.enrolled.join(', ')}` : '';
  return `demo camera: ${demo.video} (looped)${enrolled}`;
}

/** Every camera configured, whoever added it: earlier starts' cameras keep running too. */
async function cameraLines(api: AdminApi): Promise<string[]> {
  const { cameras } = await api.get<{ cameras: { id: string; name: string; url: string }[] }>(
    '/v1/cameras',
  );
  if (cameras.length === 0) return ['  Cameras:         none'];
  return [
    `  Cameras:         ${cameras.length} configured`,
    ...cameras.map((c) => `                   ${c.id}  ${c.name}  ${redactUrl(c.url)}`),
  ];
}

function printBanner(stack: RunningStack, cameraNote: string, cameras: string[]): void {
  const ownRedis = stack.redis
    ? ` (started here, append-only files in ${stack.redis.dataDir})`
    : '';
  const services = [...stack.services.values()].map((s) => `${s.name} (pid ${s.pid})`);
  console.log(
    [
      '',
      `  Rollcall is running.`,
      `  API and console: ${stack.apiUrl}   (OpenAPI: ${stack.apiUrl}/docs)`,
      `  Admin key:       ${stack.adminKey}`,
      `  Redis:           ${stack.redisUrl}${ownRedis}`,
      `  ${cameraNote}`,
      ...cameras,
      `  Services:        ${services.join(', ')}`,
      `  Logs:            ${stack.logDir}`,
      '',
      '  Check-ins and check-outs appear below as they happen. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
}

async function printCheckIns(
  stack: RunningStack,
  api: AdminApi,
  signal: AbortSignal,
): Promise<void> {
  const redis = new Redis(stack.redisUrl, { connectionName: 'rollcall-start-feed' });
  redis.on('error', () => undefined);
  const names = new Map<string, string>();
  try {
    await followAttendance(redis, stack.keys, signal, async (record) => {
      if (!names.has(record.personId)) {
        const person = await api
          .get<{ name: string }>(`/v1/people/${encodeURIComponent(record.personId)}`)
          .catch(() => ({ name: record.personId }));
        names.set(record.personId, person.name);
      }
      const at = new Date(record.atMs).toISOString();
      const who = names.get(record.personId) ?? record.personId;
      console.log(
        `${at}  ${record.type.padEnd(9)}  ${who}  ` +
          `camera ${record.cameraId}  score ${record.score.toFixed(3)}`,
      );
    });
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof RollcallError) {
    console.error(`rollcall: ${error.code}: ${error.message}`);
    process.exitCode = error.code === 'INVALID_ARGUMENT' ? 2 : 1;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
