/** Shapes of the admin API's replies the console reads (see /docs for the full schemas). */

export interface Person {
  id: string;
  name: string;
  group: string | null;
  externalId: string | null;
  sampleCount?: number;
  createdAt: string;
  updatedAt: string;
}

export interface FaceSample {
  sampleId: string;
  personId: string;
  modelId: string;
  hasCrop: boolean;
  createdAt: string;
  quality: { eyeDistance: number; sharpness: number; yaw: number; score: number } | null;
}

export interface Refusal {
  file: string;
  code: string;
  message: string;
  issues?: { code: string; message: string }[];
}

export interface EnrollmentResult {
  accepted: { file: string; sampleId: string }[];
  refused: Refusal[];
  warnings: { code: string; file: string; personId: string; score: number }[];
}

export interface Camera {
  id: string;
  name: string;
  url: string;
  fps: number | null;
  role: 'entry' | 'exit';
  threshold: number | null;
  status?: Record<string, string>;
}

export interface Settings {
  threshold: number | null;
  cooldownMs: number;
  voteWindowMs: number;
  timeZone: string;
  /** Weekdays (`mon`…`sun`) a person who did not come counts as absent. */
  workdays: string[];
}

export interface SystemInfo {
  vision: string;
  pack: {
    name: string;
    title: string;
    description: string;
    threshold: number | null;
    licence: { summary: string; commercialUse: string; url?: string };
  } | null;
  packError: string | null;
}

export interface LiveRecord {
  recordId: string;
  type: 'check_in' | 'check_out';
  at: string;
  personId: string;
  personName: string | null;
  cameraId: string;
  cameraName: string | null;
  score: number;
  faceId: string;
  thumbnailUrl: string;
  faceUrl: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PreviewVerdict {
  width: number;
  height: number;
  ok: boolean;
  issues: { code: string; message: string }[];
  faces: { box: Box; score: number }[];
  quality: { eyeDistance: number; sharpness: number; yaw: number; pitch: number } | null;
}

export interface Sighting {
  box: Box;
  personId: string | null;
  name: string | null;
  score: number;
}

/** The frame a camera preview shows (null: none on the stream) and its faces alone. */
export interface FrameSightings {
  frameSeq: number | null;
  capturedAtMs: number | null;
  sightings: Sighting[];
}

export interface ReportRow {
  date: string;
  personId: string;
  name: string | null;
  group: string | null;
  status: 'present' | 'absent';
  late: boolean;
  firstIn: string | null;
  lastOut: string | null;
  hoursMs: number;
  open: boolean;
}

export interface Totals {
  present: number;
  absent: number;
  late: number;
  hoursMs: number;
}

export interface Report {
  from: string;
  to: string;
  timeZone: string;
  lateAfter: string;
  rows: ReportRow[];
  people: (Totals & { id: string; name: string | null; group: string | null })[];
  groups: (Totals & { group: string | null; people: number })[];
  arrivals: number[];
}

/** Who the console is signed in as (`GET /v1/sessions/current`). */
export interface Principal {
  readonly kind: 'key' | 'session';
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'viewer';
  readonly expiresAt: string | null;
}

/** `POST /v1/sessions`: the token and who it is for. */
export interface SignedIn extends Principal {
  readonly token: string;
}

/** A per-file outcome of a bulk import. */
export interface ImportOutcome {
  readonly path: string;
  readonly person: string | null;
  readonly personId: string | null;
  readonly status: 'accepted' | 'refused';
  readonly sampleId?: string;
  readonly code?: string;
  readonly message?: string;
  readonly issues?: readonly { readonly code: string; readonly message: string }[];
  readonly warnings?: readonly { readonly personId: string; readonly score: number }[];
  readonly newPerson?: boolean;
}

/** A bulk import job (`GET /v1/imports/:id`; the list has no `files`). */
export interface ImportJob {
  readonly id: string;
  readonly state: 'queued' | 'running' | 'completed' | 'failed';
  readonly source: {
    readonly kind: 'zip' | 'folder';
    readonly file?: string;
    readonly folder?: string;
  };
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly progress: {
    readonly people: { readonly total: number; readonly done: number; readonly created: number };
    readonly photos: {
      readonly total: number;
      readonly done: number;
      readonly accepted: number;
      readonly refused: number;
    };
    readonly ignored: number;
  };
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly files?: readonly ImportOutcome[];
  readonly filesTotal?: number;
}
