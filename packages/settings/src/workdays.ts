/**
 * The working days: the weekdays a person who did not come counts as absent in reports.
 * Stored in `keys.settings` as the field `workdays`, e.g. `mon,tue,wed,thu,fri`. Only the
 * API's reports read it, so it stays out of `Settings`, which the pipeline services follow.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** Monday to Friday. */
export const DEFAULT_WORKDAYS: readonly Weekday[] = Object.freeze([
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
]);

/** The hash field that holds them. */
export const WORKDAYS_FIELD = 'workdays';

export function isWeekday(text: string): text is Weekday {
  return (WEEKDAYS as readonly string[]).includes(text);
}

/**
 * The weekdays of a stored `workdays` field, in week order; absent, empty or holding
 * anything but weekday names, the default applies (as for every other setting).
 */
export function parseWorkdays(text: string | undefined | null): readonly Weekday[] {
  const names = (text ?? '').split(',').map((n) => n.trim().toLowerCase());
  if (names.length === 0 || names[0] === '' || !names.every(isWeekday)) return DEFAULT_WORKDAYS;
  return WEEKDAYS.filter((day) => names.includes(day));
}

/** The field value for `days`, in week order, each once. */
export function formatWorkdays(days: readonly Weekday[]): string {
  return WEEKDAYS.filter((day) => days.includes(day)).join(',');
}

/** The weekday of a calendar day `YYYY-MM-DD` (the day itself, whatever the zone). */
export function weekdayOf(day: string): Weekday {
  // getUTCDay: 0 is Sunday.
  const index = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return WEEKDAYS[index] as Weekday;
}
