import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** What every registry function works on. */
export interface RegistryContext {
  readonly redis: Redis;
  readonly keys: KeySpace;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

export function nowMs(context: RegistryContext): number {
  return (context.now ?? Date.now)();
}
