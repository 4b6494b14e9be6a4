import { RollcallError } from '@rollcall/errors';
import type { Logger } from '@rollcall/log';
import type { Redis } from 'ioredis';

import type { StreamEntry } from '../entry';
import { checkPart, type StreamRef } from '../keys';

/** What a handler gets besides the entry. */
export interface HandlerContext {
  /** Fires when the consumer is asked to stop; long handlers should give up on it. */
  readonly signal: AbortSignal;
  /** Logger bound to the stream, group, consumer and entry id. */
  readonly logger: Logger;
}

/** Processes one entry. The entry is acknowledged only when the promise resolves. */
export type EntryHandler = (entry: StreamEntry, context: HandlerContext) => Promise<void>;

/** How `runConsumer` reads one stream as one member of a consumer group. */
export interface ConsumerOptions {
  /**
   * Connection for acks, claims and dead letters. Not closed by the consumer. The blocking
   * read uses its own duplicate of it, because a blocked connection runs nothing else.
   */
  redis: Redis;
  /** Stream to read. */
  stream: StreamRef;
  /** Consumer group; created with MKSTREAM when absent. */
  group: string;
  /** This process's name in the group; must be unique among live members. */
  consumer: string;
  handler: EntryHandler;
  /** Where entries that failed `maxDeliveries` times go (e.g. `keys.deadLetters(stream)`). */
  deadLetterStream: StreamRef;
  /** Stops the loop; the in-flight handler finishes first. */
  signal: AbortSignal;
  /** Entries per read and per reclaim page. Default 16. */
  batch?: number;
  /** How long one read blocks waiting for entries, in ms. Default 5000. */
  blockMs?: number;
  /**
   * How long an entry stays pending before any member may reclaim it, in ms; also the
   * delay before a failed entry is retried. Must exceed the slowest handler. Default 60000.
   */
  claimIdleMs?: number;
  /** How often pending entries are looked for, in ms. Default `claimIdleMs / 2`. */
  reclaimEveryMs?: number;
  /**
   * Members silent this long with nothing pending are removed from the group (they belong
   * to processes that died), in ms. Default 3600000 (one hour).
   */
  pruneIdleMs?: number;
  /** Deliveries after which a failing entry is dead-lettered. Default 5. */
  maxDeliveries?: number;
  /** Where a new group starts: `0` (everything in the stream) or `$` (new only). Default `0`. */
  startId?: '0' | '$';
  /** Default: a `streams` logger from `@rollcall/log`. */
  logger?: Logger;
}

/** Options with every default filled in and every number checked. */
export type ResolvedConsumerOptions = Required<Omit<ConsumerOptions, 'logger'>>;

/** Fills in defaults and rejects values the loop could not work with. */
export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  const claimIdleMs = options.claimIdleMs ?? 60_000;
  const resolved: ResolvedConsumerOptions = {
    ...options,
    group: checkPart('group', options.group),
    consumer: checkPart('consumer', options.consumer),
    batch: options.batch ?? 16,
    blockMs: options.blockMs ?? 5_000,
    claimIdleMs,
    reclaimEveryMs: options.reclaimEveryMs ?? Math.max(1, Math.floor(claimIdleMs / 2)),
    pruneIdleMs: options.pruneIdleMs ?? 3_600_000,
    maxDeliveries: options.maxDeliveries ?? 5,
    startId: options.startId ?? '0',
  };

  const numeric = ['batch', 'blockMs', 'claimIdleMs', 'reclaimEveryMs', 'pruneIdleMs'] as const;
  for (const name of [...numeric, 'maxDeliveries'] as const) {
    checkPositiveInteger(name, resolved[name]);
  }
  return resolved;
}

function checkPositiveInteger(name: string, value: unknown): void {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    `Consumer option ${name} is ${String(value)}; use a positive whole number.`,
    { details: { option: name } },
  );
}
