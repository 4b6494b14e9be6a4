import type { RulesOptions } from '../rules/rules-options';
import type { TrackerOptions } from '../tracking/tracker-options';
import type { VotingOptions } from '../voting/voting-options';

/** Every knob of the attendance logic; each part has its own defaults. */
export interface EngineOptions {
  /** How faces join tracks per camera. Default: `TrackerOptions`' defaults. */
  tracker?: TrackerOptions;
  /** K and the vote window. Default: 3 votes within 2000 ms. */
  voting?: VotingOptions;
  /** Cooldown and check-out timeout. Default: 4 h and 30 min. */
  rules?: RulesOptions;
}

/** What can change while the engine runs: the voting and rules options given replace theirs. */
export type RetuneOptions = Pick<EngineOptions, 'voting' | 'rules'>;
