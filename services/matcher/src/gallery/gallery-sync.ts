import { createLogger, type Logger } from '@rollcall/log';
import { readRegistryChange, type RegistryContext, type SampleVector } from '@rollcall/registry';
import { StreamEntry, abortableSleep, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import {
  currentPosition,
  missedChanges,
  readChanges,
  type FeedPosition,
} from '../registry/change-feed';
import { readModelSamples, readPeopleSamples } from '../registry/registry-reads';
import type { Gallery } from './gallery';

/** How a gallery follows the registry. */
export interface GallerySyncOptions {
  /** Connection for loads and checks; the blocking read uses its own duplicate. */
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly gallery: Gallery;
  /** Default: a `matcher` logger. */
  readonly logger?: Logger;
  /** How long one read of the change stream blocks, in ms. Default 5000. */
  readonly blockMs?: number;
  /** People read per round trip while loading. Default 200. */
  readonly loadBatch?: number;
}

/** What one full load found. */
export interface LoadReport {
  readonly people: number;
  readonly samples: number;
  /** Samples of other model ids, left out. */
  readonly otherModel: number;
  /** Unreadable values, or vectors of another dimension, left out. */
  readonly malformed: number;
  readonly position: string;
}

/**
 * Keeps a gallery equal to the registry: a full load, then every change read from the
 * registry change stream with a plain XREAD (not a consumer group: every replica needs
 * every change) from the position taken just before the load. A change names a person;
 * that person's samples are read again and set, so a change seen twice is harmless. When
 * the stream was trimmed past the position, changes were lost and everything is reloaded.
 */
export class GallerySync {
  private position: FeedPosition = { id: '0-0', added: 0 };
  private readonly logger: Logger;
  private readonly context: RegistryContext;
  /** Full loads done, the first included. */
  reloads = 0;
  /** Changes applied since start. */
  changes = 0;

  constructor(private readonly options: GallerySyncOptions) {
    this.logger = options.logger ?? createLogger({ service: 'matcher' });
    this.context = { redis: options.redis, keys: options.keys };
  }

  /** The id of the last change applied. */
  get at(): string {
    return this.position.id;
  }

  /** Loads every sample of the gallery's model, replacing what the gallery held. */
  async load(): Promise<LoadReport> {
    const { gallery, loadBatch } = this.options;
    const position = await currentPosition(this.options.redis, this.options.keys);
    const counts = { otherModel: 0, malformed: 0 };
    const context = this.context;

    async function* vectors(): AsyncGenerator<SampleVector[]> {
      for await (const batch of readModelSamples(context, gallery.modelId, loadBatch)) {
        counts.otherModel += batch.otherModel;
        counts.malformed += batch.malformed;
        yield batch.vectors;
      }
    }
    counts.malformed += await gallery.replaceAll(vectors());
    this.position = position;
    this.reloads += 1;

    const report = {
      people: gallery.people,
      samples: gallery.samples,
      ...counts,
      position: position.id,
    };
    this.logger.info({ modelId: gallery.modelId, ...report }, 'gallery loaded');
    if (counts.otherModel > 0) {
      this.logger.warn(
        { modelId: gallery.modelId, otherModel: counts.otherModel },
        'samples of other models ignored; re-enrol those people with this pack',
      );
    }
    return report;
  }

  /** Follows the change stream until `signal` fires. Call `load` first. */
  async run(signal: AbortSignal): Promise<void> {
    const reader = this.options.redis.duplicate({ lazyConnect: true });
    reader.on('error', (error: unknown) => this.logger.debug({ err: error }, 'reader error'));
    // Connected before the stop is wired: ioredis ignores a disconnect during the connect.
    await reader.connect();
    const stop = () => reader.disconnect();
    signal.addEventListener('abort', stop, { once: true });

    try {
      while (!signal.aborted) await this.step(reader, signal);
    } finally {
      signal.removeEventListener('abort', stop);
      if (reader.status !== 'end') reader.disconnect();
    }
  }

  private async step(reader: Redis, signal: AbortSignal): Promise<void> {
    try {
      await this.readOnce(reader);
    } catch (error) {
      if (signal.aborted) return;
      this.logger.warn({ err: error }, 'registry change read failed, retrying');
      await abortableSleep(1_000, signal);
    }
  }

  /** One blocking read, a check for trimmed changes, then the changes applied. */
  private async readOnce(reader: Redis): Promise<void> {
    const { redis, keys } = this.options;
    const entries = await readChanges(reader, keys, this.position.id, this.options.blockMs ?? 5000);

    if (await missedChanges(redis, keys, this.position)) {
      this.logger.warn({ position: this.position.id }, 'registry changes were trimmed, reloading');
      await this.load();
      return;
    }
    if (entries.length === 0) return;

    const people = new Set<string>();
    for (const raw of entries) {
      const personId = this.personOf(
        new StreamEntry(keys.registryChanges.key, raw.id, raw.fields, 1),
      );
      if (personId !== undefined) people.add(personId);
    }
    await this.refresh([...people]);

    const last = entries[entries.length - 1] as { id: string };
    this.position = { id: last.id, added: this.position.added + entries.length };
    this.changes += entries.length;
  }

  /**
   * The person a change names. An unreadable change, or one naming an id no key can hold,
   * is logged and skipped: retrying could never read it, and would stop every later change.
   */
  private personOf(entry: StreamEntry): string | undefined {
    try {
      const { personId } = readRegistryChange(entry);
      this.options.keys.samples(personId);
      return personId;
    } catch (error) {
      this.logger.error({ err: error, entryId: entry.id }, 'registry change unreadable, skipped');
      return undefined;
    }
  }

  /** Reads the named people's samples again and sets them. */
  private async refresh(personIds: string[]): Promise<void> {
    const { gallery } = this.options;
    const batch = await readPeopleSamples(this.context, personIds, gallery.modelId);
    const byPerson = new Map<string, SampleVector[]>(personIds.map((id) => [id, []]));
    for (const sample of batch.vectors) byPerson.get(sample.personId)?.push(sample);
    for (const [personId, vectors] of byPerson) gallery.setPerson(personId, vectors);
    this.logger.debug({ people: personIds.length }, 'registry changes applied');
  }
}
