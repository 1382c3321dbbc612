import { BusinessCalendar } from './business-calendar';

describe('BusinessCalendar', () => {
  it('answers the calendar day in the bank time zone', () => {
    const newYork = new BusinessCalendar('America/New_York');
    // 03:30 UTC on the 24th is still the 23rd in New York.
    expect(newYork.dayOf(new Date('2026-11-24T03:30:00Z'))).toBe('2026-11-23');
    expect(new BusinessCalendar('UTC').dayOf(new Date('2026-11-24T03:30:00Z'))).toBe('2026-11-24');
  });

  it('skips weekends for business days', () => {
    const utc = new BusinessCalendar('UTC');
    // Friday 2026-11-27 -> next business day Monday 11-30, second Tuesday 12-01.
    const friday = new Date('2026-11-27T15:00:00Z');
    expect(utc.startOfBusinessDayAfter(friday, 1).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(utc.startOfBusinessDayAfter(friday, 2).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Saturday -> Monday.
    expect(utc.startOfBusinessDayAfter(new Date('2026-11-28T10:00:00Z'), 1).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
    // Monday -> Tuesday.
    expect(utc.startOfBusinessDayAfter(new Date('2026-11-23T10:00:00Z'), 1).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
  });

  it('releases at local midnight across a DST change', () => {
    const newYork = new BusinessCalendar('America/New_York');
    // Friday 2026-10-30; DST ends Sunday 11-01; Monday 00:00 EST is 05:00 UTC.
    expect(newYork.startOfBusinessDayAfter(new Date('2026-10-30T16:00:00Z'), 1).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('answers day bounds in the time zone', () => {
    const bounds = new BusinessCalendar('America/New_York').dayBounds('2026-11-23');
    expect(bounds.start.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(bounds.end.toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });
});
