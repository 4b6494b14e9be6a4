import { DEFAULT_WORKDAYS, formatWorkdays, parseWorkdays, weekdayOf } from '../src';

describe('workdays', () => {
  it('reads a stored field in week order, and falls back to Monday-Friday on anything odd', () => {
    expect(parseWorkdays('sun, mon,SAT')).toEqual(['mon', 'sat', 'sun']);
    expect(parseWorkdays(undefined)).toBe(DEFAULT_WORKDAYS);
    expect(parseWorkdays('')).toBe(DEFAULT_WORKDAYS);
    expect(parseWorkdays('mon,funday')).toBe(DEFAULT_WORKDAYS);
    expect(formatWorkdays(['fri', 'mon', 'fri'])).toBe('mon,fri');
  });

  it('names the weekday of a calendar day', () => {
    expect(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map(weekdayOf)).toEqual([
      'fri',
      'sat',
      'sun',
      'mon',
    ]);
  });
});
