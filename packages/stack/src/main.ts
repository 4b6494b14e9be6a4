// `pnpm start`: every Rollcall service on this machine, a demo camera, and the check-ins
// printed as they happen. Ctrl-C stops everything cleanly.
import { loadVisionSettings } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import Redis from 'ioredis';

import { parseStartArgs, USAGE, type StartArgs } from './cli/parse-args';
import { AdminApi } from './demo/api-client';
import { addCameraOnce, hamiltonDemo, setUpDemo } from './demo/demo-setup';
import { followAttendance, typeName } from './feed/attendance-feed';
import { startStack, type RunningStack } from './start-stack';

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }

  console.log('rollcall: starting the services (models load first; about half a minute)...');
  const stack = await startStack({
    apiPort: args.port,
    detectors: args.detectors,
    embedders: args.embedders,
  });
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    const api = new AdminApi(stack.apiUrl, stack.adminKey);
    const cameraNote = await addCameras(api, args);
    printBanner(stack, cameraNote);
    await printCheckIns(stack, api, controller.signal);
  } finally {
    console.log('rollcall: stopping...');
    await stack.stop();
  }
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

function printBanner(stack: RunningStack, cameraNote: string): void {
  const services = [...stack.services.values()].map((s) => `${s.name} (pid ${s.pid})`);
  console.log(
    [
      '',
      `  Rollcall is running.`,
      `  API and console: ${stack.apiUrl}   (OpenAPI: ${stack.apiUrl}/docs)`,
      `  Admin key:       ${stack.adminKey}`,
      `  Redis:           ${stack.redisUrl}${stack.redis ? ' (started here, append-only files in ' + stack.redis.dataDir + ')' : ''}`,
      `  ${cameraNote}`,
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
        `${at}  ${typeName(record.type).padEnd(9)}  ${who}  camera ${record.cameraId}  score ${record.score.toFixed(3)}`,
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
