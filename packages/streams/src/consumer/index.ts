export { DEAD_LETTER_FIELD_PREFIX } from './dead-letter';
export type { ConsumerOptions, EntryHandler, HandlerContext } from './options';
export { runConsumer } from './run-consumer';
export type { ConsumerStats } from './stats';
export { sleep as abortableSleep } from './backoff';
