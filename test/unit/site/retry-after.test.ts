import { clockTimeAfter } from '../../../site/src/scripts/retry-after';

/* The check form's long wait (the per-address limit) as a time of day in Amsterdam, as the API words it. */

describe('clockTimeAfter', () => {
  it('gives the Amsterdam time of day, rounded up to the minute', () => {
    const now = Date.parse('2026-07-01T08:00:00Z');
    expect(clockTimeAfter(4 * 3600 + 19 * 60 + 30, 'nl', now)).toEqual({ time: '14:20', tomorrow: false });
    expect(clockTimeAfter(4 * 3600 + 19 * 60 + 30, 'en', now)).toEqual({ time: '14:20', tomorrow: false });
  });

  it('says tomorrow when the time falls on the next day in Amsterdam, not in UTC', () => {
    const now = Date.parse('2026-01-10T22:30:00Z'); // 23:30 in Amsterdam
    expect(clockTimeAfter(3600, 'nl', now)).toEqual({ time: '00:30', tomorrow: true });
    expect(clockTimeAfter(60, 'nl', Date.parse('2026-01-10T23:30:00Z'))).toEqual({ time: '00:31', tomorrow: false });
  });
});
