// Public surface of @rollcall/settings: the operator's run-time settings (threshold,
// cooldown, vote window, time zone, and the working days reports count) held in
// `keys.settings`, their defaults and limits, and the cached reader the matcher and the
// attendance service follow them with.
export { DEFAULT_SETTINGS, SETTINGS_REFRESH_MS, SETTING_LIMITS, type Settings } from './settings';
export {
  isTimeZone,
  parseSettings,
  type IgnoredSetting,
  type ParsedSettings,
} from './parse-settings';
export { readSettings } from './read-settings';
export { LiveSettings, type LiveSettingsOptions, type SettingsSource } from './live-settings';
export {
  DEFAULT_WORKDAYS,
  WEEKDAYS,
  WORKDAYS_FIELD,
  formatWorkdays,
  isWeekday,
  parseWorkdays,
  weekdayOf,
  type Weekday,
} from './workdays';
