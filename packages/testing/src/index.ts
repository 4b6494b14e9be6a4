export { REDIS_URL, connectRedis, deletePrefix, requireRedis } from './redis';
export { randomPrefix, testKeySpace } from './key-prefix';
export { waitFor, type WaitForOptions } from './wait-for';
