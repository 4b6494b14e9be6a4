import { recordFromMessage } from '@rollcall/attendance';
import { decodeEntryAs } from '@rollcall/contracts';
import type { Logger } from '@rollcall/log';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { rangeEntries, readEntries, type ReadEntry } from './stream-reply';

/** One attendance record as it appeared on the attendance stream. */
export interface FeedRecord {
  /** The stream entry id: the SSE event id, to resume from. */
  readonly entryId: string;
  readonly recordId: string;
  readonly personId: string;
  readonly type: 'check_in' | 'check_out';
  readonly atMs: number;
  readonly cameraId: string;
  readonly score: number;
  readonly faceId: string;
}

export type FeedListener = (records: readonly FeedRecord[]) => void;

/** How long one XREAD blocks: short enough that `close` never waits long. */
const BLOCK_MS = 2_000;
/** Pause after a failed read, so a Redis outage is not a busy loop. */
const RETRY_MS = 1_000;

/**
 * The attendance stream, read once for every listener: one blocking XREAD loop on its own
 * connection (a blocked connection can do nothing else), started by the first listener
 * and stopped when the last leaves. Listeners only ever see entries after they joined;
 * `recent` gives what came before.
 */
export class AttendanceFeed {
  private readonly listeners = new Set<FeedListener>();
  private reader: Redis | undefined;
  private loop: Promise<void> | undefined;
  /** Settles once the loop knows the id it reads after. */
  private started: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    private readonly logger: Logger,
  ) {}

  /** Calls `listener` with each batch of new records until the returned function is called. */
  async subscribe(listener: FeedListener): Promise<() => void> {
    this.listeners.add(listener);
    if (this.loop === undefined) this.start();
    try {
      await this.started;
    } catch (error) {
      this.unsubscribe(listener);
      throw error;
    }
    return () => this.unsubscribe(listener);
  }

  /** The latest `count` records, oldest first. */
  async recent(count: number): Promise<FeedRecord[]> {
    return this.decodeAll(await this.newest(count)).reverse();
  }

  /** Stops the loop and drops every listener. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop();
  }

  private unsubscribe(listener: FeedListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) void this.stop();
  }

  private async stop(): Promise<void> {
    const reader = this.reader;
    const loop = this.loop;
    this.reader = undefined;
    this.loop = undefined;
    if (reader === undefined) return;
    reader.disconnect();
    await loop;
  }

  private async lastId(): Promise<string> {
    return (await this.newest(1))[0]?.id ?? '0-0';
  }

  /** The newest `count` entries of the attendance stream, newest first. */
  private async newest(count: number): Promise<ReadEntry[]> {
    const key = this.keys.attendance.key;
    const reply = await this.redis.callBuffer('XREVRANGE', key, '+', '-', 'COUNT', String(count));
    return rangeEntries(reply);
  }

  private start(): void {
    const reader = this.redis.duplicate({ connectionName: 'rollcall-api-feed' });
    this.reader = reader;
    // Read after the last id of now, not '$' at each XREAD, so nothing slips between reads.
    const from = this.lastId();
    this.started = from.then(() => undefined);
    this.loop = from.then(
      (id) => this.run(reader, id),
      () => undefined,
    );
  }

  private async run(reader: Redis, from: string): Promise<void> {
    let last = from;
    while (this.reader === reader) {
      try {
        const reply = await reader.callBuffer(
          'XREAD',
          'BLOCK',
          String(BLOCK_MS),
          'STREAMS',
          this.keys.attendance.key,
          last,
        );
        const entries = readEntries(reply);
        if (entries.length === 0) continue;
        last = (entries[entries.length - 1] as ReadEntry).id;
        const records = this.decodeAll(entries);
        for (const listener of this.listeners) listener(records);
      } catch (error) {
        if (this.reader !== reader) return;
        this.logger.warn({ err: error }, 'attendance feed read failed');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private decodeAll(entries: readonly ReadEntry[]): FeedRecord[] {
    return entries.flatMap((entry) => {
      try {
        return [decodeRecord(entry)];
      } catch (error) {
        // A reader cannot mend an entry; it is left out of the feed and logged.
        this.logger.warn({ err: error, entryId: entry.id }, 'attendance entry unreadable');
        return [];
      }
    });
  }
}

function decodeRecord(entry: ReadEntry): FeedRecord {
  const record = recordFromMessage(decodeEntryAs('AttendanceRecord', entry.fields));
  const { recordId, personId, type, atMs, cameraId, score, faceId } = record;
  return { entryId: entry.id, recordId, personId, type, atMs, cameraId, score, faceId };
}
