import type { Logger } from '@rollcall/log';

import type { RouteDeps } from '../routes/route-deps';
import { ImportQueue } from './import-queue';
import type { ImportSettings } from './import-settings';
import type { SourceLimits } from './import-source';
import { startImportWorker, type ImportWorker } from './import-worker';
import type { ImportRunDeps } from './run-import';

/** The imports queue, and the worker when this process runs one. */
export interface ImportService {
  readonly queue: ImportQueue;
  readonly settings: ImportSettings;
  readonly limits: SourceLimits;
  close(): Promise<void>;
}

/** Opens the queue on the API's Redis and, unless `settings.worker` is off, a worker. */
export function openImportService(
  deps: RouteDeps,
  settings: ImportSettings,
  logger: Logger,
): ImportService {
  const limits: SourceLimits = {
    maxEntries: settings.maxEntries,
    maxUnpackedBytes: settings.maxUnpackedBytes,
    photoBytes: settings.photoBytes,
  };
  const queue = new ImportQueue(deps.redis, deps.keys);
  const runDeps: ImportRunDeps = { ...deps, logger, limits, folderRoot: settings.folderRoot };
  const worker: ImportWorker | undefined = settings.worker
    ? startImportWorker(runDeps, settings.concurrency)
    : undefined;

  return {
    queue,
    settings,
    limits,
    close: async () => {
      await worker?.close();
      await queue.close();
    },
  };
}
