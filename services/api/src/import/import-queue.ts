import { randomBytes } from 'node:crypto';

import { RollcallError } from '@rollcall/errors';
import type { KeySpace } from '@rollcall/streams';
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

import {
  ARCHIVE_TTL_S,
  IMPORT_QUEUE,
  OUTCOMES_TTL_S,
  type ImportJobData,
  type ImportSourceRef,
} from './import-job';
import { NO_PROGRESS, type FileOutcome, type ImportProgress } from './import-progress';

/** Where an import stands, in the API's words rather than BullMQ's. */
export type ImportState = 'queued' | 'running' | 'completed' | 'failed';

/** One import as `GET /v1/imports/:id` shows it. */
export interface ImportView {
  readonly id: string;
  readonly state: ImportState;
  readonly source: ImportSourceRef;
  readonly createdAtMs: number;
  readonly startedAtMs: number | null;
  readonly finishedAtMs: number | null;
  readonly progress: ImportProgress;
  readonly error: { code: string; message: string } | null;
}

/** A page of one import's per-file outcomes. */
export interface OutcomePage {
  readonly files: FileOutcome[];
  readonly total: number;
}

export type ImportJob = Job<ImportJobData, ImportProgress>;

/** The imports queue: adds jobs and reads them back; the worker is separate. */
export class ImportQueue {
  private readonly queue: Queue<ImportJobData, ImportProgress>;

  /** `redis` is shared, not closed here; BullMQ makes no blocking calls on a queue. */
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
  ) {
    this.queue = new Queue(IMPORT_QUEUE, {
      connection: redis,
      prefix: keys.jobQueuePrefix,
      defaultJobOptions: {
        // One attempt: a failure is an outage (vision, Redis) a person should look at, and
        // a crashed worker's job is handed on by BullMQ's stalled check and resumes.
        attempts: 1,
        removeOnComplete: { age: OUTCOMES_TTL_S },
        removeOnFail: { age: OUTCOMES_TTL_S },
      },
    });
    // The queue shares the API's connection: its failures reach the requests that use it
    // as REDIS_UNAVAILABLE, so the queue's own error events would only repeat them.
    this.queue.on('error', () => undefined);
  }

  /** Queues the import of an uploaded zip, kept in Redis until the job has read it. */
  async addZip(file: string, zip: Buffer, requestedBy: string | null): Promise<string> {
    const id = newImportId();
    await this.redis.set(this.keys.importArchive(id), zip, 'EX', ARCHIVE_TTL_S);
    await this.add(id, { source: { kind: 'zip', file, bytes: zip.length }, requestedBy });
    return id;
  }

  /** Queues the import of a server folder (already checked against the import root). */
  async addFolder(folder: string, requestedBy: string | null): Promise<string> {
    const id = newImportId();
    await this.add(id, { source: { kind: 'folder', folder }, requestedBy });
    return id;
  }

  /** The import with `id`; `IMPORT_NOT_FOUND` when there is none. */
  async get(id: string): Promise<ImportView> {
    const job = await this.queue.getJob(id);
    if (job === undefined) {
      throw new RollcallError(
        'IMPORT_NOT_FOUND',
        `No import has id "${id}"; finished imports are kept ${OUTCOMES_TTL_S / 86_400} days.`,
        { details: { importId: id } },
      );
    }
    return viewOf(job, await job.getState());
  }

  /** Outcomes `offset` to `offset + limit - 1` of import `id`, in the order they were done. */
  async outcomes(id: string, offset: number, limit: number): Promise<OutcomePage> {
    const key = this.keys.importFiles(id);
    const [files, total] = await Promise.all([
      this.redis.lrange(key, offset, offset + limit - 1),
      this.redis.llen(key),
    ]);
    return { files: files.map((json) => JSON.parse(json) as FileOutcome), total };
  }

  /** The most recent imports, newest first. */
  async list(limit: number): Promise<ImportView[]> {
    const jobs = await this.queue.getJobs(
      ['active', 'waiting', 'prioritized', 'delayed', 'completed', 'failed'],
      0,
      limit - 1,
    );
    const views = await Promise.all(jobs.map(async (job) => viewOf(job, await job.getState())));
    return views.sort((a, b) => b.createdAtMs - a.createdAtMs).slice(0, limit);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  private async add(id: string, data: ImportJobData): Promise<void> {
    await this.queue.add('import', data, { jobId: id });
  }
}

function viewOf(job: ImportJob, state: string): ImportView {
  // What the worker reported (`ImportProgress`); BullMQ types progress loosely.
  const progress = (
    typeof job.progress === 'object' ? job.progress : NO_PROGRESS
  ) as ImportProgress;
  const failed = state === 'failed';
  return {
    id: job.id ?? '',
    state: stateOf(state),
    source: job.data.source,
    createdAtMs: job.timestamp,
    startedAtMs: job.processedOn ?? null,
    finishedAtMs: job.finishedOn ?? null,
    progress: { ...NO_PROGRESS, ...progress },
    error: failed
      ? (progress.error ?? { code: 'INTERNAL', message: job.failedReason || 'The job failed.' })
      : null,
  };
}

function stateOf(state: string): ImportState {
  if (state === 'active') return 'running';
  if (state === 'completed' || state === 'failed') return state;
  return 'queued';
}

/** `imp_` and 16 hex digits: safe as a BullMQ job id and as a key part. */
function newImportId(): string {
  return `imp_${randomBytes(8).toString('hex')}`;
}
