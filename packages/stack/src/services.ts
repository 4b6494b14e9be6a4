import path from 'node:path';

import type { ServiceSpec } from './process/service-process';

/** How many of each worker, and the ports the stack hands out. */
export interface ServicePlan {
  readonly repoRoot: string;
  readonly detectors: number;
  readonly embedders: number;
  readonly apiHost: string;
  readonly apiPort: number;
  /** Port of the Vision gRPC service the first embedder hosts (enrollment calls it). */
  readonly visionPort: number;
}

/**
 * Every service of one Rollcall, in the order a frame travels, with the environment that
 * makes each one a distinct member of its consumer group. Workers scale by count: the
 * second detector is the same program under another consumer name.
 */
export function planServices(plan: ServicePlan): ServiceSpec[] {
  const entry = (service: string) => path.join(plan.repoRoot, 'services', service, 'src/main.ts');
  const specs: ServiceSpec[] = [
    { name: 'ingest', entry: entry('ingest'), env: { ROLLCALL_INGEST_NAME: 'ingest-1' } },
  ];
  for (let i = 1; i <= plan.detectors; i += 1) {
    specs.push({
      name: `detector-${i}`,
      entry: entry('detector'),
      env: { ROLLCALL_CONSUMER: `detector-${i}` },
    });
  }
  for (let i = 1; i <= plan.embedders; i += 1) {
    specs.push({
      name: `embedder-${i}`,
      entry: entry('embedder'),
      // One embedder serves enrollment's gRPC calls on a known port; the others take any.
      env: {
        ROLLCALL_CONSUMER: `embedder-${i}`,
        ROLLCALL_GRPC_PORT: String(i === 1 ? plan.visionPort : 0),
      },
    });
  }
  specs.push(
    { name: 'matcher', entry: entry('matcher'), env: { MATCHER_CONSUMER: 'matcher-1' } },
    { name: 'attendance', entry: entry('attendance'), env: {} },
    {
      name: 'api',
      entry: entry('api'),
      env: {
        ROLLCALL_API_HOST: plan.apiHost,
        ROLLCALL_API_PORT: String(plan.apiPort),
        ROLLCALL_VISION_ADDRESS: `127.0.0.1:${plan.visionPort}`,
      },
    },
  );
  return specs;
}
