import type { FaceMatch } from '../model/face-match';
import { AttendanceRules, type Decision } from '../rules/attendance-rules';
import type { CameraRole, PersonPresence } from '../rules/presence';
import { CameraTracker } from '../tracking/camera-tracker';
import type { Track } from '../tracking/track';
import { TrackVotes, type Attribution } from '../voting/track-votes';
import { resolveVotingOptions, type ResolvedVotingOptions } from '../voting/voting-options';
import type { EngineOptions, RetuneOptions } from './engine-options';

/** What one match did: its track, the track's attribution, and what the rules decided. */
export interface Observation {
  readonly track: Track;
  readonly started: boolean;
  readonly ended: readonly Track[];
  readonly attribution: Attribution | undefined;
  /** True when this match decided (or flipped) who the track is. */
  readonly attributed: boolean;
  readonly decision: Decision;
}

/** What a sweep did: check-outs to write and tracks that ended unseen. */
export interface SweepResult {
  readonly decisions: readonly Decision[];
  readonly ended: readonly Track[];
}

/**
 * Tracker per camera, votes per track, rules per person: matches in, decisions out. Pure
 * and single-threaded; the caller writes each decision and then commits it.
 */
export class AttendanceEngine {
  private readonly trackers = new Map<string, CameraTracker>();
  private readonly votes = new Map<string, TrackVotes>();
  private voting: ResolvedVotingOptions;
  private readonly rules: AttendanceRules;

  constructor(
    private readonly options: EngineOptions = {},
    restored: Iterable<PersonPresence> = [],
  ) {
    this.voting = resolveVotingOptions(options.voting);
    this.rules = new AttendanceRules(options.rules, restored);
  }

  observe(match: FaceMatch, cameraRole: CameraRole): Observation {
    const { track, started, ended } = this.tracker(match.cameraId).assign(match);
    this.forget(ended);

    const votes = this.votesOf(track.id);
    const decided = votes.add({
      personId: match.personId,
      atMs: match.capturedAtMs,
      faceId: match.faceId,
      score: match.score,
    });
    const attribution = votes.attribution;
    const decision = attribution
      ? this.rules.decide({
          attribution,
          atMs: match.capturedAtMs,
          cameraId: match.cameraId,
          cameraRole,
          trackId: track.id,
          faceId: match.faceId,
          // An attributed track's later faces may match below the threshold (a turned
          // head): a record they trigger carries the evidence that named the person.
          score: match.personId === attribution.personId ? match.score : attribution.score,
        })
      : {};
    return { track, started, ended, attribution, attributed: decided !== undefined, decision };
  }

  /**
   * Voting and rules options changed while running, for every camera's tracks from the
   * next match on; what was already decided stands. Throws `INVALID_ARGUMENT` (and changes
   * nothing) when a value is not a positive whole number.
   */
  retune(options: RetuneOptions): void {
    const voting = resolveVotingOptions({ ...this.voting, ...options.voting });
    if (options.rules !== undefined) this.rules.retune(options.rules);
    this.voting = voting;
    for (const votes of this.votes.values()) votes.retune(voting);
  }

  /** Check-outs due at `nowMs`, and the end of tracks unseen for their gap. */
  sweep(nowMs: number): SweepResult {
    const ended = [...this.trackers.values()].flatMap((tracker) => tracker.expire(nowMs));
    this.forget(ended);
    return { decisions: this.rules.sweep(nowMs), ended };
  }

  commit(decision: Decision): void {
    this.rules.commit(decision);
  }

  presenceOf(personId: string): PersonPresence | undefined {
    return this.rules.presenceOf(personId);
  }

  get liveTracks(): number {
    return this.votes.size;
  }

  private tracker(cameraId: string): CameraTracker {
    let tracker = this.trackers.get(cameraId);
    if (tracker === undefined) {
      tracker = new CameraTracker(cameraId, this.options.tracker);
      this.trackers.set(cameraId, tracker);
    }
    return tracker;
  }

  private votesOf(trackId: string): TrackVotes {
    let votes = this.votes.get(trackId);
    if (votes === undefined) {
      votes = new TrackVotes(this.voting);
      this.votes.set(trackId, votes);
    }
    return votes;
  }

  private forget(ended: readonly Track[]): void {
    for (const track of ended) this.votes.delete(track.id);
  }
}
