// Public surface of @rollcall/stack: start every service on one machine (what `pnpm start`
// does), for the end-to-end tests and the pipeline benchmark.
export { startStack, type RunningStack, type StackOptions } from './start-stack';
export { ServiceProcess, type ServiceSpec } from './process/service-process';
export { startLocalRedis, hasRedisServer, type LocalRedis } from './redis/local-redis';
export { redisAnswers } from './redis/ping-redis';
export { freePort } from './process/free-port';
export { AdminApi } from './demo/api-client';
export { addCameraOnce, hamiltonDemo, setUpDemo, type DemoMaterial } from './demo/demo-setup';
export { followAttendance } from './feed/attendance-feed';
