import { describe, expect, it } from 'vitest';
import { parseWeekdays } from '../../src/core/daily/weekdays.js';
import { dailyPlan, isDue, nextPostAt, scheduledInstant, weekdayOf } from '../../src/daily/schedule.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';

const at = (time: string, timeZone: string, date: string) =>
  scheduledInstant({ time, timeZone }, date).toISOString();

describe('scheduledInstant', () => {
  it('is 09:00 local in each zone', () => {
    expect(at('09:00', 'Europe/Berlin', '2026-11-25')).toBe('2026-11-25T08:00:00.000Z');
    expect(at('09:00', 'America/New_York', '2026-11-25')).toBe('2026-11-25T14:00:00.000Z');
    expect(at('09:00', 'Europe/Berlin', '2026-07-01')).toBe('2026-07-01T07:00:00.000Z');
    expect(at('09:00', 'Asia/Kolkata', '2026-11-25')).toBe('2026-11-25T03:30:00.000Z');
    expect(at('00:00', 'Pacific/Kiritimati', '2026-11-25')).toBe('2026-11-24T10:00:00.000Z');
    expect(at('23:59', 'Pacific/Pago_Pago', '2026-11-25')).toBe('2026-11-26T10:59:00.000Z');
  });

  it('moves a time in a spring-forward gap to the end of the gap (03:00 local), the same day', () => {
    expect(at('02:30', 'America/New_York', '2026-03-08')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(at('02:30', 'Europe/Berlin', '2026-03-29')).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(at('02:00', 'America/New_York', '2026-03-08')).toBe('2026-03-08T07:00:00.000Z');
    expect(at('02:30', 'America/New_York', '2026-03-09')).toBe('2026-03-09T06:30:00.000Z');
  });

  it('takes the first of a time that happens twice when clocks fall back', () => {
    expect(at('01:30', 'America/New_York', '2026-11-01')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(at('02:30', 'Europe/Berlin', '2026-10-25')).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });
});

describe('isDue', () => {
  const berlin = {
    time: '09:00',
    timeZone: 'Europe/Berlin',
    weekdays: EVERY_DAY,
    activeSince: new Date('2026-01-01T00:00:00Z'),
  };

  it('is due from the scheduled minute on, for today only', () => {
    expect(isDue(berlin, new Date('2026-11-25T07:59:59Z'))).toBeUndefined();
    expect(isDue(berlin, new Date('2026-11-25T08:00:00Z'))?.localDate).toBe('2026-11-25');
    expect(isDue(berlin, new Date('2026-11-25T22:59:00Z'))?.localDate).toBe('2026-11-25');
    // 00:30 on the 26th in Berlin: yesterday's post is not due any more, today's is not yet.
    expect(isDue(berlin, new Date('2026-11-25T23:30:00Z'))).toBeUndefined();
  });

  it('is not due on a day left out, nor for a schedule set after today’s time', () => {
    const weekdays = { ...berlin, weekdays: parseWeekdays('weekdays') ?? 0 };
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(isDue(weekdays, new Date('2026-11-28T10:00:00Z'))).toBeUndefined();
    expect(isDue(weekdays, new Date('2026-11-27T10:00:00Z'))).toBeDefined();
    const late = { ...berlin, activeSince: new Date('2026-11-25T09:00:00Z') };
    expect(isDue(late, new Date('2026-11-25T10:00:00Z'))).toBeUndefined();
    expect(isDue(late, new Date('2026-11-26T08:00:00Z'))).toBeDefined();
  });

  it('plans by the subscription’s calendar date, not UTC’s', () => {
    const tokyo = { time: '07:00', timeZone: 'Asia/Tokyo', weekdays: EVERY_DAY };
    expect(dailyPlan(tokyo, new Date('2026-11-25T23:00:00Z'))).toMatchObject({ localDate: '2026-11-26' });
  });
});

describe('nextPostAt', () => {
  it('skips to the next selected day', () => {
    const fridays = { time: '17:30', timeZone: 'America/New_York', weekdays: parseWeekdays('fri') ?? 0 };
    expect(nextPostAt(fridays, new Date('2026-11-25T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-27T22:30:00.000Z',
    );
    expect(nextPostAt(fridays, new Date('2026-11-27T22:30:00Z'))?.toISOString()).toBe(
      '2026-12-04T22:30:00.000Z',
    );
  });
});
