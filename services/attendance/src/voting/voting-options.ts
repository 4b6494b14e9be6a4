import { RollcallError } from '@rollcall/errors';
import { DEFAULT_SETTINGS } from '@rollcall/settings';

/** When a track's matches are enough to say who it is. */
export interface VotingOptions {
  /**
   * Matches naming the same person a track needs (K). Default 3: one match can be a
   * look-alike at the threshold, three agreeing frames within a second or two rarely are.
   */
  votesNeeded?: number;
  /** The K matches must lie within this many ms of each other. Default 2000. */
  windowMs?: number;
}

export type ResolvedVotingOptions = Required<VotingOptions>;

export function resolveVotingOptions(options: VotingOptions = {}): ResolvedVotingOptions {
  const resolved = {
    votesNeeded: options.votesNeeded ?? 3,
    windowMs: options.windowMs ?? DEFAULT_SETTINGS.voteWindowMs,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (Number.isInteger(value) && value > 0) continue;
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Voting option ${name} is ${String(value)}; use a positive whole number.`,
      { details: { option: name } },
    );
  }
  return resolved;
}
