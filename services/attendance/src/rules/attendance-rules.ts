import type { AttendanceRecord } from '../model/attendance-record';
import type { Attribution } from '../voting/track-votes';
import type { CameraRole, PersonPresence } from './presence';
import { checkInId, checkOutId } from './record-id';
import { resolveRulesOptions, type ResolvedRulesOptions, type RulesOptions } from './rules-options';

/** A sighting of an attributed track: the person, where, when, and the deciding votes. */
export interface Sighting {
  readonly attribution: Attribution;
  readonly atMs: number;
  readonly cameraId: string;
  readonly cameraRole: CameraRole;
  readonly trackId: string;
  readonly faceId: string;
  readonly score: number;
}

/**
 * What the rules want done: a record to write (if any) and the person's next state (if it
 * changed). Nothing changes until the caller commits it, after writing, so a failed write
 * leaves the rules as they were and the retry decides the same thing again.
 */
export interface Decision {
  readonly record?: AttendanceRecord;
  readonly presence?: PersonPresence;
}

/**
 * Check-in and check-out rules over attributed sightings. Pure: time comes from the
 * sightings (capture times) and from the `nowMs` the sweep is given.
 *
 * - Check-in: a sighting on a non-exit camera checks the person in unless they were checked
 *   in less than `cooldownMs` before it. Sightings older than that check-in never do (a
 *   replay of old matches adds nothing).
 * - Check-out (a): the sweep checks out everyone present whose last sighting is more than
 *   `checkoutTimeoutMs` before now, at the time and camera of that sighting.
 * - Check-out (b): a sighting on an exit camera checks out a present person at once. Exit
 *   cameras never check anyone in.
 */
export class AttendanceRules {
  private options: ResolvedRulesOptions;
  private readonly people = new Map<string, PersonPresence>();

  constructor(options: RulesOptions = {}, restored: Iterable<PersonPresence> = []) {
    this.options = resolveRulesOptions(options);
    for (const presence of restored) this.people.set(presence.personId, presence);
  }

  presenceOf(personId: string): PersonPresence | undefined {
    return this.people.get(personId);
  }

  /**
   * The given options in place of the current ones from the next decision on (an operator
   * changed the cooldown). A new cooldown also applies to check-ins made before it.
   */
  retune(options: RulesOptions): void {
    this.options = resolveRulesOptions({ ...this.options, ...options });
  }

  decide(sighting: Sighting): Decision {
    const before = this.people.get(sighting.attribution.personId);
    if (sighting.cameraRole === 'exit') return this.onExit(sighting, before);

    const { cooldownMs } = this.options;
    if (before === undefined || sighting.atMs >= before.checkInAtMs + cooldownMs) {
      return checkIn(sighting);
    }
    return { presence: seen(before, sighting) };
  }

  /** Check-outs of everyone present and unseen for `checkoutTimeoutMs` before `nowMs`. */
  sweep(nowMs: number): Decision[] {
    const decisions: Decision[] = [];
    for (const presence of this.people.values()) {
      if (!presence.present) continue;
      if (nowMs - presence.lastSeenAtMs < this.options.checkoutTimeoutMs) continue;
      decisions.push(checkOut(presence, presence));
    }
    return decisions;
  }

  /** Applies a decision's state once its record is stored. */
  commit(decision: Decision): void {
    if (decision.presence) this.people.set(decision.presence.personId, decision.presence);
  }

  private onExit(sighting: Sighting, before: PersonPresence | undefined): Decision {
    if (before === undefined || !before.present) return {};
    return checkOut(before, seen(before, sighting) ?? before);
  }
}

function checkIn(s: Sighting): Decision {
  const { personId, windowStartMs, decidedAtMs } = s.attribution;
  const recordId = checkInId({
    personId,
    trackId: s.trackId,
    windowStartMs,
    decidedAtMs,
    atMs: s.atMs,
  });
  const record: AttendanceRecord = {
    recordId,
    personId,
    type: 'check_in',
    atMs: s.atMs,
    cameraId: s.cameraId,
    score: s.score,
    trackId: s.trackId,
    faceId: s.faceId,
  };
  const presence: PersonPresence = {
    personId,
    checkInAtMs: s.atMs,
    checkInRecordId: recordId,
    present: true,
    lastSeenAtMs: s.atMs,
    cameraId: s.cameraId,
    trackId: s.trackId,
    faceId: s.faceId,
    score: s.score,
  };
  return { record, presence };
}

/** The check-out closing `open`'s check-in, recorded at `last`'s sighting. */
function checkOut(open: PersonPresence, last: PersonPresence): Decision {
  const record: AttendanceRecord = {
    recordId: checkOutId(open.personId, open.checkInRecordId),
    personId: open.personId,
    type: 'check_out',
    atMs: last.lastSeenAtMs,
    cameraId: last.cameraId,
    score: last.score,
    trackId: last.trackId,
    faceId: last.faceId,
  };
  return { record, presence: { ...last, present: false } };
}

/**
 * The person's state after a sighting that decides nothing, or `undefined` when there is
 * nothing worth storing: only a present person's last sighting matters (for the timeout),
 * and an older sighting (a replay) never moves it back.
 */
function seen(before: PersonPresence, s: Sighting): PersonPresence | undefined {
  if (!before.present || s.atMs <= before.lastSeenAtMs) return undefined;
  return {
    ...before,
    lastSeenAtMs: s.atMs,
    cameraId: s.cameraId,
    trackId: s.trackId,
    faceId: s.faceId,
    score: s.score,
  };
}
