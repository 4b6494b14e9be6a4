/** How long sign-ins last and how failed ones are slowed; `buildApp({ sessions })` overrides. */
export interface SessionSettings {
  /** How long a session token works after sign-in. Default 12 h (a working day). */
  readonly ttlMs: number;
  /** Failed sign-ins per username within `failureWindowMs` before refusing. Default 5. */
  readonly maxFailures: number;
  /** The window failures are counted in, from the first. Default 15 min. */
  readonly failureWindowMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = Object.freeze({
  ttlMs: 12 * 60 * 60 * 1000,
  maxFailures: 5,
  failureWindowMs: 15 * 60 * 1000,
});
