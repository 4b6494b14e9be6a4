/** Where an import reads its person folders from. */
export type ImportSourceRef =
  /** An uploaded zip, held in Redis under `keys.importArchive(id)` until the job ends. */
  | { readonly kind: 'zip'; readonly file: string; readonly bytes: number }
  /** A folder on the server, inside the import root. */
  | { readonly kind: 'folder'; readonly folder: string };

/** The BullMQ job's data. */
export interface ImportJobData {
  readonly source: ImportSourceRef;
  /** The id of the API key that asked for the import, for audits. */
  readonly requestedBy: string | null;
}

/** The BullMQ queue's name (its keys sit under `keys.jobQueuePrefix`). */
export const IMPORT_QUEUE = 'imports';

/** How long an uploaded archive waits in Redis for its job: a stalled queue must not keep it. */
export const ARCHIVE_TTL_S = 24 * 3600;

/** How long a finished import's per-file outcomes are kept. */
export const OUTCOMES_TTL_S = 7 * 24 * 3600;
