import { isRollcallError } from '@rollcall/errors';

import { checkTimeZone, localClock, localDay, localTime } from '../src';

describe('localDay and localTime', () => {
  it('puts 23:30 UTC on the next day in Europe/Berlin', () => {
    const at = Date.UTC(2026, 11, 4, 23, 30);

    expect(localDay(at, 'UTC')).toBe('2026-12-04');
    expect(localDay(at, 'Europe/Berlin')).toBe('2026-12-05');
    expect(localTime(at, 'Europe/Berlin')).toBe('2026-12-05T00:30:00.000+01:00');
  });

  it('follows daylight saving time', () => {
    // 2026-03-29 01:00 UTC: Berlin jumps from +01:00 to +02:00.
    expect(localTime(Date.UTC(2026, 2, 29, 0, 59, 59, 250), 'Europe/Berlin')).toBe(
      '2026-03-29T01:59:59.250+01:00',
    );
    expect(localTime(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Berlin')).toBe(
      '2026-03-29T03:00:00.000+02:00',
    );
    expect(localDay(Date.UTC(2026, 2, 28, 22, 30), 'Europe/Berlin')).toBe('2026-03-28');
    expect(localDay(Date.UTC(2026, 2, 28, 23, 30), 'Europe/Berlin')).toBe('2026-03-29');
  });

  it('handles zones west of UTC and fractional offsets', () => {
    const at = Date.UTC(2026, 0, 1, 3, 0);

    expect(localDay(at, 'America/New_York')).toBe('2025-12-31');
    expect(localTime(at, 'America/New_York')).toBe('2025-12-31T22:00:00.000-05:00');
    expect(localTime(at, 'Asia/Kolkata')).toBe('2026-01-01T08:30:00.000+05:30');
  });

  it('writes the second-precision form and the wall clock the reports show', () => {
    const at = Date.UTC(2026, 0, 1, 3, 0, 7, 999);

    expect(localTime(at, 'Asia/Kolkata', { millis: false })).toBe('2026-01-01T08:30:07+05:30');
    expect(localTime(at, 'UTC', { millis: false })).toBe('2026-01-01T03:00:07+00:00');
    expect(localClock(at, 'America/New_York')).toBe('22:00');
    expect(localClock(Date.UTC(2026, 0, 1, 0, 5), 'UTC')).toBe('00:05');
  });

  it('refuses an unknown zone with a coded error naming it', () => {
    let caught: unknown;
    try {
      checkTimeZone('Europe/Atlantis');
    } catch (error) {
      caught = error;
    }

    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
    expect(String(caught)).toContain('Europe/Atlantis');
    expect(checkTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
