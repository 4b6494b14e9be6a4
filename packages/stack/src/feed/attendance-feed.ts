import { recordFromMessage, type AttendanceRecord } from '@rollcall/attendance';
import { decodeEntryAs } from '@rollcall/contracts';
import { entryFields, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/**
 * Calls `onRecord` for every attendance record appended after now, until `signal` fires.
 * A plain XREAD on a connection of its own: this is a viewer, not a member of any group,
 * so it takes nothing from the services that consume the stream.
 */
export async function followAttendance(
  redis: Redis,
  keys: KeySpace,
  signal: AbortSignal,
  onRecord: (record: AttendanceRecord) => void | Promise<void>,
): Promise<void> {
  const reader = redis.duplicate();
  reader.on('error', () => undefined);
  // With Redis down a read waits in ioredis's queue for a reconnect, and a disconnect does
  // not always end it: the stop must not wait on it.
  const stopped = new Promise<null>((resolve) => {
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
  let position = '$';
  try {
    while (!signal.aborted) {
      const read = reader
        .xreadBuffer('BLOCK', 2_000, 'STREAMS', keys.attendance.key, position)
        .catch(() => null);
      const reply = await Promise.race([read, stopped]);
      for (const [id, flat] of reply?.[0]?.[1] ?? []) {
        position = id.toString();
        await onRecord(recordFromMessage(decodeEntryAs('AttendanceRecord', entryFields(flat))));
      }
      if (reply === null && !signal.aborted) await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    reader.disconnect();
  }
}
