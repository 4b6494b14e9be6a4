import type { ResolvedVotingOptions } from './voting-options';

/** One match of a track that named a person. */
export interface Vote {
  readonly personId: string;
  readonly atMs: number;
  readonly faceId: string;
  readonly score: number;
}

/** Who a track is, and the votes that decided it. */
export interface Attribution {
  readonly personId: string;
  /** Time of the first and last of the K votes that decided (the vote window). */
  readonly windowStartMs: number;
  readonly decidedAtMs: number;
  /** The vote that completed the K: its face and score go on the record. */
  readonly faceId: string;
  readonly score: number;
}

/**
 * The votes of one track. A person is attributed once K of the track's matches name them
 * within `windowMs`; unknown matches are not votes, and votes for someone else neither
 * count nor reset the count.
 *
 * Flips are decided by the same rule, applied to the votes cast after the current
 * attribution: when another person gathers K votes within the window, all later than the
 * current decision, the track passes to them from that vote on. The earlier person keeps
 * what they were given; the newest K-vote window always owns the track. Votes are
 * deduplicated by face id, so a redelivered match is not counted twice.
 */
export class TrackVotes {
  private votes: Vote[] = [];
  private current: Attribution | undefined;

  constructor(private options: ResolvedVotingOptions) {}

  /**
   * New options from the next vote on (an operator changed the vote window). Votes already
   * held are judged by the new window; a decision already made stands.
   */
  retune(options: ResolvedVotingOptions): void {
    this.options = options;
  }

  get attribution(): Attribution | undefined {
    return this.current;
  }

  /** Counts `vote`; returns the new attribution when this vote decides or flips the track. */
  add(vote: Vote): Attribution | undefined {
    if (vote.personId === '' || this.votes.some((v) => v.faceId === vote.faceId)) return undefined;
    this.votes.push(vote);
    this.votes.sort((a, b) => a.atMs - b.atMs || a.faceId.localeCompare(b.faceId));
    this.prune(vote.atMs);

    if (this.current?.personId === vote.personId) return undefined;
    const decided = this.window(vote.personId);
    if (decided) this.current = decided;
    return decided;
  }

  /** The earliest K-vote window for `personId` among votes after the current decision. */
  private window(personId: string): Attribution | undefined {
    const { votesNeeded, windowMs } = this.options;
    const after = this.current?.decidedAtMs ?? -Infinity;
    const theirs = this.votes.filter((v) => v.personId === personId && v.atMs > after);

    for (let last = votesNeeded - 1; last < theirs.length; last += 1) {
      const first = theirs[last - votesNeeded + 1] as Vote;
      const closing = theirs[last] as Vote;
      if (closing.atMs - first.atMs > windowMs) continue;
      return {
        personId,
        windowStartMs: first.atMs,
        decidedAtMs: closing.atMs,
        faceId: closing.faceId,
        score: closing.score,
      };
    }
    return undefined;
  }

  /** Votes older than one window before the newest can no longer be part of a decision. */
  private prune(newestMs: number): void {
    const newest = Math.max(newestMs, this.votes[this.votes.length - 1]?.atMs ?? newestMs);
    this.votes = this.votes.filter((v) => newest - v.atMs <= this.options.windowMs);
  }
}
