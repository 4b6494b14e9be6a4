import { localDayRange, today } from '../src/attendance/local-day';

const HOUR = 3_600_000;

describe('localDayRange', () => {
  it('is midnight to midnight in UTC', () => {
    expect(localDayRange('2026-03-02', 'UTC')).toEqual({
      fromMs: Date.UTC(2026, 2, 2),
      toMs: Date.UTC(2026, 2, 3),
    });
  });

  it('follows the zone, including the 23-hour and 25-hour days of DST', () => {
    const winter = localDayRange('2026-01-15', 'Europe/Berlin');
    expect(winter.fromMs).toBe(Date.UTC(2026, 0, 14, 23));
    expect(winter.toMs - winter.fromMs).toBe(24 * HOUR);

    // Clocks go forward on 2026-03-29 and back on 2026-10-25 in the EU.
    const spring = localDayRange('2026-03-29', 'Europe/Berlin');
    expect(spring.fromMs).toBe(Date.UTC(2026, 2, 28, 23));
    expect(spring.toMs - spring.fromMs).toBe(23 * HOUR);
    const autumn = localDayRange('2026-10-25', 'Europe/Berlin');
    expect(autumn.toMs - autumn.fromMs).toBe(25 * HOUR);

    const newYork = localDayRange('2026-07-04', 'America/New_York');
    expect(newYork.fromMs).toBe(Date.UTC(2026, 6, 4, 4));
  });

  it('refuses dates that do not exist', () => {
    for (const day of ['2026-02-29', '2026-13-01', '26-01-01']) {
      expect(() => localDayRange(day, 'UTC')).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });

  it("names today's date in the zone", () => {
    const lateUtc = Date.UTC(2026, 2, 2, 23, 30);
    expect(today(lateUtc, 'UTC')).toBe('2026-03-02');
    expect(today(lateUtc, 'Europe/Berlin')).toBe('2026-03-03');
    expect(today(lateUtc, 'Pacific/Kiritimati')).toBe('2026-03-03');
  });
});
