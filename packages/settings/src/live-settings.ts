import type { Logger } from '@rollcall/log';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { IgnoredSetting } from './parse-settings';
import { readSettings } from './read-settings';
import { DEFAULT_SETTINGS, SETTINGS_REFRESH_MS, type Settings } from './settings';

/** Anything that answers with the settings in force; services take this, tests fake it. */
export interface SettingsSource {
  get(): Promise<Settings>;
}

/** How {@link LiveSettings} reads. */
export interface LiveSettingsOptions {
  /**
   * What a field absent from the hash (or refused) means. Default `DEFAULT_SETTINGS`; the
   * attendance service passes the values of its environment.
   */
  readonly defaults?: Settings;
  /** How long one read is reused, in ms; 0 reads on every call. Default 2000. */
  readonly refreshMs?: number;
  /** Now, in ms. Default `Date.now`. */
  readonly clock?: () => number;
  /** Refused fields and failed refreshes are logged here. Default: not logged. */
  readonly logger?: Logger;
}

/**
 * The settings of `keys.settings`, read again at most every `refreshMs`: a change through
 * the API takes effect within that time, at the cost of one `HGETALL` per interval (only
 * when asked; an idle service reads nothing). Callers waiting on the same refresh share
 * it. When a refresh fails the last settings are kept, logged, and tried again one
 * interval later; only the very first read's failure reaches the caller.
 */
export class LiveSettings implements SettingsSource {
  private readonly defaults: Settings;
  private readonly refreshMs: number;
  private readonly clock: () => number;
  private current: Settings | undefined;
  private readAtMs = 0;
  private reading: Promise<Settings> | undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
    private readonly options: LiveSettingsOptions = {},
  ) {
    this.defaults = options.defaults ?? DEFAULT_SETTINGS;
    this.refreshMs = options.refreshMs ?? SETTINGS_REFRESH_MS;
    this.clock = options.clock ?? Date.now;
  }

  get(): Promise<Settings> {
    const fresh = this.current !== undefined && this.clock() - this.readAtMs < this.refreshMs;
    if (fresh) return Promise.resolve(this.current as Settings);

    this.reading ??= this.refresh().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async refresh(): Promise<Settings> {
    let settings: Settings;
    try {
      const parsed = await readSettings(this.redis, this.keys, this.defaults);
      this.report(parsed.ignored);
      settings = parsed.settings;
    } catch (error) {
      if (this.current === undefined) throw error;
      this.options.logger?.warn({ err: error }, 'settings not refreshed, last ones kept');
      settings = this.current;
    }
    this.current = settings;
    this.readAtMs = this.clock();
    return settings;
  }

  /** Each refused value is logged once, not once per refresh. */
  private report(ignored: readonly IgnoredSetting[]): void {
    for (const setting of ignored) {
      const key = `${setting.field}=${setting.value}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.options.logger?.warn({ setting }, 'stored setting refused, its default applies');
    }
  }
}
