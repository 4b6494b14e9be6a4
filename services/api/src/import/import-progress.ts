import type { ImportPlan } from './import-plan';

/** What happened to one file of an import, kept in a Redis list in the order it was done. */
export interface FileOutcome {
  /** The path inside the archive or folder. */
  readonly path: string;
  /** The person folder, or null for files outside any. */
  readonly person: string | null;
  readonly personId: string | null;
  readonly status: 'accepted' | 'refused';
  readonly sampleId?: string;
  readonly code?: string;
  readonly message?: string;
  /** Every quality issue, when a face was found but judged unfit. */
  readonly issues?: readonly { code: string; message: string }[];
  /** `FACE_LOOKS_LIKE_OTHER`: the accepted face also matches these people. */
  readonly warnings?: readonly { code: string; personId: string; score: number }[];
  /** True on the first file of a person this import created. */
  readonly newPerson?: boolean;
}

/** The counters a job reports as its BullMQ progress. */
export interface ImportProgress {
  readonly people: { total: number; done: number; created: number };
  /** Every file reported (photos and refused non-photos alike), not the ignored clutter. */
  readonly photos: { total: number; done: number; accepted: number; refused: number };
  readonly ignored: number;
  /** Why the whole job failed, when it did. */
  readonly error?: { code: string; message: string };
}

export const NO_PROGRESS: ImportProgress = Object.freeze({
  people: { total: 0, done: 0, created: 0 },
  photos: { total: 0, done: 0, accepted: 0, refused: 0 },
  ignored: 0,
});

/** Counts outcomes against a plan; a person is done when their last file is. */
export class ImportTally {
  private readonly remaining = new Map<string, number>();
  private readonly people = { total: 0, done: 0, created: 0 };
  private readonly photos = { total: 0, done: 0, accepted: 0, refused: 0 };
  private readonly ignored: number;

  constructor(plan: ImportPlan) {
    for (const person of plan.people) this.remaining.set(person.folder, person.files.length);
    this.people.total = plan.people.length;
    this.photos.total = plan.loose.length + plan.people.reduce((n, p) => n + p.files.length, 0);
    this.ignored = plan.ignored;
  }

  add(outcome: FileOutcome): void {
    this.photos.done += 1;
    this.photos[outcome.status === 'accepted' ? 'accepted' : 'refused'] += 1;
    if (outcome.newPerson === true) this.people.created += 1;
    if (outcome.person === null) return;

    const left = (this.remaining.get(outcome.person) ?? 0) - 1;
    this.remaining.set(outcome.person, left);
    if (left === 0) this.people.done += 1;
  }

  view(): ImportProgress {
    return { people: { ...this.people }, photos: { ...this.photos }, ignored: this.ignored };
  }
}
