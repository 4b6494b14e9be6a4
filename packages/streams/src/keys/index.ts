export { DEFAULT_KEY_PREFIX, createKeySpace, type KeySpace } from './key-space';
export { STREAM_CAPS, type StreamCapName } from './stream-caps';
export type { StreamRef } from './stream-ref';
export { checkPart, checkPrefix } from './key-part';
export { redisSettingsShape } from './redis-settings';
export { CONSUMER_GROUPS } from './consumer-groups';
