import { isRollcallError, RollcallError } from '@rollcall/errors';
import type { Logger } from '@rollcall/log';
import type { RegistryContext } from '@rollcall/registry';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import { enrollPhotos, type EnrollmentDeps } from '../enrollment/enroll-photos';
import type { ApiMetrics } from '../metrics/api-metrics';
import { readSettings } from '../settings/settings-store';
import type { VisionClient } from '../vision/vision-client';
import { openFolderSource } from './folder-source';
import { FolderPerson } from './folder-person';
import { OUTCOMES_TTL_S, type ImportJobData } from './import-job';
import { planImport, type PlannedPerson } from './import-plan';
import { ImportTally, type FileOutcome, type ImportProgress } from './import-progress';
import type { SourceFile, SourceLimits } from './import-source';
import { openZipSource } from './zip-source';

/** What running an import needs: the API's own clients and the import limits. */
export interface ImportRunDeps {
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly registry: RegistryContext;
  readonly vision: VisionClient;
  readonly logger: Logger;
  readonly limits: SourceLimits;
  /** The folder `{folder}` imports must stay inside; null: folder imports are refused. */
  readonly folderRoot: string | null;
  readonly metrics?: ApiMetrics;
}

/** The part of a BullMQ job the run uses, so the run tests without a queue. */
export interface ImportRun {
  readonly id: string;
  readonly data: ImportJobData;
  updateProgress(progress: ImportProgress): Promise<void>;
}

/**
 * Runs one import: every photo of every person folder through the same enrollment as
 * `POST /v1/people/:id/faces`, one outcome per file appended to `keys.importFiles(id)` and
 * the counters reported as the job's progress after each. A job that is run again (its
 * worker died and BullMQ handed it on) skips the files it has outcomes for.
 */
export async function runImport(deps: ImportRunDeps, job: ImportRun): Promise<ImportProgress> {
  const log = deps.logger.child({ importId: job.id });
  const plan = planImport(await openSource(deps, job));
  const tally = new ImportTally(plan);
  const filesKey = deps.keys.importFiles(job.id);
  const done = (await deps.redis.lrange(filesKey, 0, -1)).map((j) => JSON.parse(j) as FileOutcome);
  for (const outcome of done) tally.add(outcome);
  await job.updateProgress(tally.view());
  log.info({ ...tally.view(), resumedAt: done.length }, 'import started');

  const { threshold } = await readSettings(deps.redis, deps.keys);
  const enrollment: EnrollmentDeps = { registry: deps.registry, vision: deps.vision, threshold };
  const record = async (outcome: FileOutcome): Promise<void> => {
    // The expiry is renewed with each outcome, so an abandoned import's list goes too.
    await deps.redis
      .multi()
      .rpush(filesKey, JSON.stringify(outcome))
      .expire(filesKey, OUTCOMES_TTL_S)
      .exec();
    tally.add(outcome);
    count(deps.metrics, outcome);
    await job.updateProgress(tally.view());
  };

  let skip = done.length;
  for (const file of plan.loose) {
    if (skip > 0) skip -= 1;
    else await record(refused(file, null, null));
  }
  for (const person of plan.people) {
    if (skip >= person.files.length) {
      skip -= person.files.length;
      continue;
    }
    await importPerson(enrollment, person, person.files.slice(skip), record);
    skip = 0;
  }

  await deps.redis.del(deps.keys.importArchive(job.id));
  log.info(tally.view(), 'import finished');
  return tally.view();
}

async function openSource(deps: ImportRunDeps, job: ImportRun): Promise<SourceFile[]> {
  const { source } = job.data;
  if (source.kind === 'folder') {
    return openFolderSource(source.folder, deps.folderRoot, deps.limits);
  }
  const zip = await deps.redis.getBuffer(deps.keys.importArchive(job.id));
  if (zip === null) {
    throw new RollcallError(
      'IMPORT_NOT_FOUND',
      `The archive of import ${job.id} expired before it ran; upload it again.`,
      { details: { importId: job.id } },
    );
  }
  return openZipSource(zip, deps.limits);
}

async function importPerson(
  enrollment: EnrollmentDeps,
  planned: PlannedPerson,
  files: readonly SourceFile[],
  record: (outcome: FileOutcome) => Promise<void>,
): Promise<void> {
  const person = await FolderPerson.find(enrollment.registry, planned.folder);
  for (const file of files) {
    const outcome = await importPhoto(enrollment, planned.folder, person, file);
    await record(person.takeCreated() ? { ...outcome, newPerson: true } : outcome);
  }
}

async function importPhoto(
  enrollment: EnrollmentDeps,
  folder: string,
  person: FolderPerson,
  file: SourceFile,
): Promise<FileOutcome> {
  if (file.refusal !== undefined) return refused(file, folder, person.id);

  let bytes: Buffer;
  let result;
  try {
    bytes = await file.read();
    result = await enrollPhotos(enrollment, person.target, [{ file: file.path, bytes }]);
  } catch (error) {
    // An unreadable entry, or a folder name the registry refuses (too long, say).
    if (!isRequestError(error)) throw error;
    return { ...refused(file, folder, person.id), code: error.code, message: error.message };
  }

  const base = { path: file.path, person: folder, personId: person.id };
  const accepted = result.accepted[0];
  if (accepted !== undefined) {
    const warnings = result.warnings.map(({ code, personId: other, score }) => ({
      code,
      personId: other,
      score,
    }));
    return {
      ...base,
      status: 'accepted',
      sampleId: accepted.sampleId,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
  const refusal = result.refused[0];
  return {
    ...base,
    status: 'refused',
    code: refusal?.code ?? 'FACE_NOT_FOUND',
    message: refusal?.message ?? 'No face found.',
    ...(refusal?.issues !== undefined ? { issues: refusal.issues } : {}),
  };
}

function refused(file: SourceFile, person: string | null, personId: string | null): FileOutcome {
  return {
    path: file.path,
    person,
    personId,
    status: 'refused',
    code: file.refusal?.code ?? 'INTERNAL',
    message: file.refusal?.message ?? 'The file was refused.',
  };
}

/** A coded error about the input (4xx), as opposed to an outage that fails the job. */
function isRequestError(error: unknown): error is RollcallError {
  return isRollcallError(error) && error.status < 500;
}

function count(metrics: ApiMetrics | undefined, outcome: FileOutcome): void {
  if (metrics === undefined) return;
  if (outcome.status === 'accepted') metrics.enrollments.inc();
  else metrics.refusals.inc({ code: outcome.code ?? 'INTERNAL' });
}
