import { daysIncluded, isRealCalendarDay, statementRangeErrors } from './statement-range';

describe('statement range', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (day) => {
    expect(isRealCalendarDay(day)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-1-01',
    '20260101',
    '2026-01-01T00:00',
    ' 2026-01-01',
    '２０２６-01-01',
  ])('refuses %s', (day) => {
    expect(isRealCalendarDay(day)).toBe(false);
  });

  it('counts both ends', () => {
    expect(daysIncluded('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysIncluded('2025-01-01', '2025-12-31')).toBe(365);
    // Across a daylight-saving change the count stays in whole days.
    expect(daysIncluded('2026-03-01', '2026-03-31')).toBe(31);
  });

  it('allows 366 days and refuses 367', () => {
    expect(statementRangeErrors('2025-01-01', '2026-01-01', '2026-06-01')).toEqual([]);
    expect(statementRangeErrors('2024-12-31', '2026-01-01', '2026-06-01')).toEqual([
      expect.objectContaining({ field: 'to' }),
    ]);
  });

  it('refuses a reversed range and one that ends after today', () => {
    expect(statementRangeErrors('2026-05-02', '2026-05-01', '2026-06-01')).toHaveLength(1);
    expect(statementRangeErrors('2026-05-01', '2026-06-01', '2026-06-01')).toEqual([]);
    expect(statementRangeErrors('2026-05-01', '2026-06-02', '2026-06-01')).toEqual([
      { field: 'to', message: 'must not be after today (2026-06-01)' },
    ]);
  });
});
