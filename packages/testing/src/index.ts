export { REDIS_URL, connectRedis, deletePrefix, requireRedis } from './redis';
export { randomPrefix, testKeySpace } from './key-prefix';
export { useTestRedis, type TestRedis, type UseTestRedisOptions } from './use-test-redis';
export { waitFor, type WaitForOptions } from './wait-for';
