import type { RulesOptions } from '../rules/rules-options';
import type { TrackerOptions } from '../tracking/tracker-options';
import type { VotingOptions } from '../voting/voting-options';

/** Every knob of the attendance logic; each part has its own defaults. */
export interface EngineOptions {
  tracker?: TrackerOptions;
  voting?: VotingOptions;
  rules?: RulesOptions;
}
