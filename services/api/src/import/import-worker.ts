import { isRollcallError } from '@rollcall/errors';
import { UnrecoverableError, Worker } from 'bullmq';

import { IMPORT_QUEUE, type ImportJobData } from './import-job';
import type { ImportProgress } from './import-progress';
import { runImport, type ImportRunDeps } from './run-import';

/** A running import worker. */
export interface ImportWorker {
  /** Waits for the jobs in hand to finish, then disconnects. */
  close(): Promise<void>;
}

/**
 * Takes import jobs off the queue, `concurrency` at a time. It runs in the API process by
 * default (`ROLLCALL_IMPORT_WORKER=on`); any process with the same Redis, key prefix and
 * vision client can run one instead.
 */
export function startImportWorker(deps: ImportRunDeps, concurrency = 1): ImportWorker {
  const log = deps.logger.child({ queue: IMPORT_QUEUE });
  // BullMQ's worker blocks on its connection, which needs unlimited retries per request.
  const connection = deps.redis.duplicate({
    connectionName: 'rollcall-import-worker',
    maxRetriesPerRequest: null,
  });

  const worker = new Worker<ImportJobData, ImportProgress>(
    IMPORT_QUEUE,
    async (job) => {
      try {
        return await runImport(deps, {
          id: job.id ?? '',
          data: job.data,
          updateProgress: (progress) => job.updateProgress(progress),
        });
      } catch (error) {
        await failWith(job.updateProgress.bind(job), job.progress, error);
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      }
    },
    { connection, prefix: deps.keys.jobQueuePrefix, concurrency },
  );

  worker.on('failed', (job, err) => log.warn({ importId: job?.id, err }, 'import failed'));
  worker.on('error', (err) => log.error({ err }, 'import worker error'));
  return {
    close: async () => {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/** Keeps the counters reached and adds the coded reason, for `GET /v1/imports/:id`. */
async function failWith(
  update: (progress: ImportProgress) => Promise<void>,
  current: unknown,
  error: unknown,
): Promise<void> {
  const coded = isRollcallError(error)
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: 'The import failed unexpectedly; the server logged it.' };
  const progress = typeof current === 'object' && current !== null ? current : {};
  await update({ ...(progress as ImportProgress), error: coded }).catch(() => undefined);
}
