import {
  AttendanceRecord as RecordMessage,
  AttendanceType,
  FaceMatched,
  bytesToVector,
  decodeEntryAs,
  encodeEntry,
  vectorToBytes,
} from '@rollcall/contracts';
import { RollcallError, isRollcallError } from '@rollcall/errors';
import type { StreamEntry, StreamMessage } from '@rollcall/streams';

import type { AttendanceRecord } from '../model/attendance-record';
import type { FaceMatch } from '../model/face-match';
import { checkMatch } from './check-match';

/*
 * The one file that knows how `FaceMatched` and `AttendanceRecord` look on a stream
 * (the generated codecs of proto/rollcall/v1/pipeline.proto, through @rollcall/contracts).
 * The rest of the service works on the plain `FaceMatch` and `AttendanceRecord` types.
 */

/** The match carried by a `FaceMatched` entry; `STREAM_ENTRY_INVALID` when unreadable. */
export function decodeFaceMatch(entry: StreamEntry): FaceMatch {
  const message = decodeEntryAs('FaceMatched', entry);
  const face = message.face;
  if (face?.box === undefined) throw invalid(entry.id, 'has no face or no box');

  return checkMatch(
    {
      faceId: face.faceId,
      cameraId: face.cameraId,
      frameSeq: face.frameSeq,
      capturedAtMs: face.capturedAtMs,
      box: face.box,
      personId: message.personId,
      score: message.score,
      threshold: message.threshold,
      vector: readVector(message.vectorF32, entry.id),
    },
    entry.id,
  );
}

/** The `FaceMatched` entry for `match`, as the matcher appends it (tests and benches). */
export function encodeFaceMatch(match: FaceMatch): StreamMessage {
  return encodeEntry(
    'FaceMatched',
    FaceMatched.fromPartial({
      face: {
        faceId: match.faceId,
        cameraId: match.cameraId,
        frameSeq: match.frameSeq,
        capturedAtMs: match.capturedAtMs,
        box: { ...match.box },
        facesInFrame: 1,
      },
      personId: match.personId,
      score: match.score,
      threshold: match.threshold,
      vectorF32: vectorToBytes(match.vector),
    }),
  );
}

/** The `AttendanceRecord` entry: type name, schema version and encoded `data`. */
export function recordEntry(record: AttendanceRecord): {
  type: string;
  schemaVersion: number;
  data: Buffer;
} {
  const message = encodeEntry('AttendanceRecord', toMessage(record));
  return {
    type: String(message.fields.type),
    schemaVersion: message.schemaVersion,
    data: message.fields.data as Buffer,
  };
}

/** A record's bytes as kept in the records hash: the same protobuf as the stream's `data`. */
export function decodeRecord(bytes: Buffer): AttendanceRecord {
  return recordFromMessage(RecordMessage.decode(bytes));
}

/** A decoded `AttendanceRecord` message (e.g. a stream entry's) as the plain record type. */
export function recordFromMessage(message: RecordMessage): AttendanceRecord {
  return {
    recordId: message.recordId,
    personId: message.personId,
    type: message.type === AttendanceType.ATTENDANCE_TYPE_CHECK_OUT ? 'check_out' : 'check_in',
    atMs: message.atMs,
    cameraId: message.cameraId,
    score: message.score,
    trackId: message.trackId,
    faceId: message.faceId,
  };
}

function toMessage(record: AttendanceRecord): RecordMessage {
  return {
    ...record,
    type:
      record.type === 'check_out'
        ? AttendanceType.ATTENDANCE_TYPE_CHECK_OUT
        : AttendanceType.ATTENDANCE_TYPE_CHECK_IN,
  };
}

/** The query vector; a malformed one is unreadable for good, like any bad field. */
function readVector(bytes: Buffer, entryId: string): Float32Array {
  try {
    return bytesToVector(bytes);
  } catch (error) {
    if (!isRollcallError(error, 'EMBEDDING_MALFORMED')) throw error;
    throw invalid(entryId, `has a query vector that is not float32 (${error.message})`);
  }
}

function invalid(entryId: string, problem: string): RollcallError {
  return new RollcallError(
    'STREAM_ENTRY_INVALID',
    `FaceMatched entry ${entryId} ${problem}; the matcher must write it with encodeEntry.`,
    { details: { entryId } },
  );
}
