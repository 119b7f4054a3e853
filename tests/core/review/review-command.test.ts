import { describe, expect, it } from 'vitest';
import { WEEKENDS } from '../../../src/core/daily/weekdays.js';
import { parseReviewCommand } from '../../../src/core/review/review-command.js';

describe('the review grammar', () => {
  it('reads status, off and on with days, a time after "at" and a zone, in any order', () => {
    expect(parseReviewCommand('review')).toEqual({ type: 'status' });
    expect(parseReviewCommand('/pattern review status')).toEqual({ type: 'status' });
    expect(parseReviewCommand('review off')).toEqual({ type: 'off' });
    expect(parseReviewCommand('review on')).toEqual({ type: 'on' });
    expect(parseReviewCommand('review on mon, wed, fri at 8:30 europe/berlin')).toEqual({
      type: 'on',
      time: '08:30',
      timeZone: 'Europe/Berlin',
      weekdays: 0b010_1010,
    });
    expect(parseReviewCommand('Review ON weekends 17:05 UTC')).toEqual({
      type: 'on',
      time: '17:05',
      timeZone: 'UTC',
      weekdays: WEEKENDS,
    });
  });

  it('names what it could not read', () => {
    expect(parseReviewCommand('review on at 25:00 Mars/Olympus')).toEqual({
      type: 'invalid',
      problems: [
        { kind: 'not-a-time', token: '25:00' },
        { kind: 'unknown-word', token: 'Mars/Olympus' },
      ],
    });
    expect(parseReviewCommand('review on 09:00 10:00 UTC Europe/Paris')).toEqual({
      type: 'invalid',
      problems: [
        { kind: 'two-times', token: '10:00' },
        { kind: 'two-zones', token: 'Europe/Paris' },
      ],
    });
    expect(parseReviewCommand('review off now')).toEqual({
      type: 'invalid',
      problems: [{ kind: 'off-takes-nothing' }],
    });
  });

  it('leaves other text to the lookup', () => {
    expect(parseReviewCommand('review the saga pattern')).toBeUndefined();
    expect(parseReviewCommand('saga')).toBeUndefined();
    expect(parseReviewCommand('reviewer')).toBeUndefined();
  });
});
