import type { RegistryContext } from '@rollcall/registry';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { AttendanceReader } from '../attendance/attendance-reader';
import type { CameraContext } from '../cameras/camera-store';
import type { ApiMetrics } from '../metrics/api-metrics';
import type { VisionClient } from '../vision/vision-client';

/** What the route modules are given (built once in `buildApp`). */
export interface RouteDeps {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly registry: RegistryContext;
  readonly cameras: CameraContext;
  readonly vision: VisionClient;
  readonly attendance: AttendanceReader;
  readonly metrics: ApiMetrics;
  readonly now: () => number;
}
