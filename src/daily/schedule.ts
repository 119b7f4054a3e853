import { Cron } from 'croner';
import { localDate as computeLocalDate, dayNumber } from '../core/pattern-of-the-day.js';
import type { SubscriptionSchedule } from './subscription.js';

const DAY_MS = 86_400_000;
/** Earlier than any zone's local midnight of a UTC date (zones run from UTC−12 to UTC+14). */
const BEFORE_ANY_MIDNIGHT_MS = 15 * 3_600_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const MINUTE_MS = 60_000;
const localDates = new Map<string, string>();

/**
 * `localDate`, remembered by zone and minute: every zone's offset is a whole number of minutes, so a
 * date never changes within a minute, and a tick asks the same few zones thousands of times (each
 * uncached call builds an `Intl.DateTimeFormat`).
 */
export function localDate(now: Date, timeZone: string): string {
  const key = `${timeZone} ${Math.floor(now.getTime() / MINUTE_MS)}`;
  let date = localDates.get(key);
  if (date === undefined) {
    if (localDates.size >= MAX_CACHED) localDates.clear();
    date = computeLocalDate(now, timeZone);
    localDates.set(key, date);
  }
  return date;
}

/** The weekday of a calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(isoDate: string): number {
  return (((dayNumber(isoDate) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekdaySelected(weekdays: number, isoDate: string): boolean {
  return (weekdays & (1 << weekdayOf(isoDate))) !== 0;
}

/** The calendar date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a daily `HH:MM` falls on a local date in an IANA zone, as croner schedules a
 * fixed-time job (`0 MM HH * * *` with `timezone`). Croner 11 (like croner-rust and Vixie cron):
 * - a time in a spring-forward gap runs at the first valid time after the gap, the same day
 *   (02:30 on 2026-03-08 in America/New_York → 03:00 EDT = 07:00Z; on 2026-03-29 in Europe/Berlin
 *   → 03:00 CEST = 01:00Z);
 * - a time that occurs twice (fall back) runs once, at its first occurrence (01:30 on 2026-11-01 in
 *   America/New_York → 01:30 EDT = 05:30Z; 02:30 on 2026-10-25 in Europe/Berlin → 02:30 CEST = 00:30Z).
 */
export function scheduledInstant(
  schedule: Pick<SubscriptionSchedule, 'time' | 'timeZone'>,
  isoDate: string,
): Date {
  const key = `${schedule.time} ${schedule.timeZone} ${isoDate}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size >= MAX_CACHED) instants.clear();
    at = computeInstant(schedule, isoDate).getTime();
    instants.set(key, at);
  }
  return new Date(at);
}

/** Computed instants, by time, zone and date: a tick checks every subscription each minute. */
const instants = new Map<string, number>();
const MAX_CACHED = 10_000;

function computeInstant(schedule: Pick<SubscriptionSchedule, 'time' | 'timeZone'>, isoDate: string): Date {
  const match = TIME.exec(schedule.time);
  if (!match) throw new RangeError(`not a 24-hour HH:MM time: ${schedule.time}`);
  const job = new Cron(`0 ${Number(match[2])} ${Number(match[1])} * * *`, {
    timezone: schedule.timeZone,
    paused: true,
  });
  try {
    const from = new Date(dayNumber(isoDate) * DAY_MS - BEFORE_ANY_MIDNIGHT_MS);
    const run = job.nextRuns(4, from).find((date) => localDate(date, schedule.timeZone) === isoDate);
    if (!run) throw new RangeError(`no run of ${schedule.time} on ${isoDate} in ${schedule.timeZone}`);
    return run;
  } finally {
    job.stop();
  }
}

export interface DailyPlan {
  /** The subscription's calendar date at `now`. */
  readonly localDate: string;
  /** Whether that date is one of its weekdays. */
  readonly selectedDay: boolean;
  /** When that date's post is scheduled. */
  readonly scheduledAt: Date;
}

/** Where a subscription stands today in its own zone. */
export function dailyPlan(schedule: SubscriptionSchedule, now: Date): DailyPlan {
  const date = localDate(now, schedule.timeZone);
  return {
    localDate: date,
    selectedDay: isWeekdaySelected(schedule.weekdays, date),
    scheduledAt: scheduledInstant(schedule, date),
  };
}

/**
 * Whether today's post is due: a selected day, its time has come, and the schedule was in effect by
 * then. Only today's date in the subscription's zone is ever considered: never yesterday's.
 */
export function isDue(
  schedule: SubscriptionSchedule & { activeSince: Date },
  now: Date,
): DailyPlan | undefined {
  const plan = dailyPlan(schedule, now);
  const time = plan.scheduledAt.getTime();
  return plan.selectedDay && time <= now.getTime() && time >= schedule.activeSince.getTime()
    ? plan
    : undefined;
}

/** The next scheduled post strictly after `now` (and not before `activeSince`), within two weeks. */
export function nextPostAt(
  schedule: SubscriptionSchedule & { activeSince?: Date },
  now: Date,
): Date | undefined {
  const today = localDate(now, schedule.timeZone);
  const after = Math.max(now.getTime() + 1, schedule.activeSince?.getTime() ?? 0);
  for (let i = 0; i <= 14; i++) {
    const date = addDays(today, i);
    if (!isWeekdaySelected(schedule.weekdays, date)) continue;
    const at = scheduledInstant(schedule, date);
    if (at.getTime() >= after) return at;
  }
  return undefined;
}
