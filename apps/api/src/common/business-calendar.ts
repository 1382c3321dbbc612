import { DateTime } from 'luxon';

/**
 * The bank's calendar in ATM_TIMEZONE: "today" for daily limits, and business days
 * (Monday to Friday, no holiday calendar) for deposit holds.
 */
export class BusinessCalendar {
  constructor(private readonly timeZone: string) {}

  /** The calendar day of `instant` in the bank's time zone, as YYYY-MM-DD. */
  dayOf(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: this.timeZone }).toISODate() as string;
  }

  /** 00:00 in the bank's time zone of the `count`-th business day after `instant`'s day. */
  startOfBusinessDayAfter(instant: Date, count: number): Date {
    let day = DateTime.fromJSDate(instant, { zone: this.timeZone }).startOf('day');
    let remaining = count;
    while (remaining > 0) {
      day = day.plus({ days: 1 });
      if (day.weekday <= 5) remaining -= 1;
    }
    return day.toJSDate();
  }

  /** [start, end) of a calendar day (YYYY-MM-DD) in the bank's time zone. */
  dayBounds(isoDay: string): { start: Date; end: Date } {
    const start = DateTime.fromISO(isoDay, { zone: this.timeZone }).startOf('day');
    return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
  }
}
