import { RollcallError } from '@rollcall/errors';
import { DEFAULT_SETTINGS } from '@rollcall/settings';

/** When sightings become check-ins and check-outs. */
export interface RulesOptions {
  /**
   * After a check-in, the same person is not checked in again for this long, in ms.
   * Default 4 h (14400000): long enough that walking past a camera all morning gives one
   * record, short enough for a second shift to be recorded.
   */
  cooldownMs?: number;
  /**
   * A checked-in person not seen for this long is checked out at their last sighting, in
   * ms. Default 30 min (1800000). A person checked out by timeout and seen again within the
   * cooldown is not checked in again, so a short timeout with a long cooldown loses visits.
   */
  checkoutTimeoutMs?: number;
}

export type ResolvedRulesOptions = Required<RulesOptions>;

export function resolveRulesOptions(options: RulesOptions = {}): ResolvedRulesOptions {
  const resolved = {
    cooldownMs: options.cooldownMs ?? DEFAULT_SETTINGS.cooldownMs,
    checkoutTimeoutMs: options.checkoutTimeoutMs ?? 30 * 60_000,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (Number.isInteger(value) && value > 0) continue;
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Rules option ${name} is ${String(value)}; use a positive whole number of ms.`,
      { details: { option: name } },
    );
  }
  return resolved;
}
