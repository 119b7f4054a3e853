import { commandWords, OFF_WORDS, ON_WORDS, readClock, TIME_LIKE } from '../daily/command-words.js';
import { normalizeTimeZone } from '../daily/time-zone.js';
import { parseWeekdays, WEEKDAYS } from '../daily/weekdays.js';

export const DEFAULT_REVIEW_TIME = '09:00';
export const DEFAULT_REVIEW_WEEKDAYS = WEEKDAYS;

/** Why a `review on …` could not be read, as data (the wording is in `review-card.ts`). */
export type ReviewProblem =
  | { readonly kind: 'not-a-time'; readonly token: string }
  | { readonly kind: 'two-times'; readonly token: string }
  | { readonly kind: 'two-zones'; readonly token: string }
  | { readonly kind: 'unknown-word'; readonly token: string }
  | { readonly kind: 'off-takes-nothing' };

export type ReviewCommand =
  | { readonly type: 'status' }
  | { readonly type: 'off' }
  | { readonly type: 'on'; readonly time?: string; readonly timeZone?: string; readonly weekdays?: number }
  | { readonly type: 'invalid'; readonly problems: readonly ReviewProblem[] };

const REVIEW = /^\s*(?:\/?pattern\s+)?review\b\s*(.*)$/is;

/**
 * The one `review` grammar: `review` (status), `review on [days…] [at HH:MM] [time zone]`,
 * `review off`. Undefined for any other text, including `review <something else>`, which stays a
 * lookup (a pattern may be asked about with that word).
 */
export function parseReviewCommand(text: string): ReviewCommand | undefined {
  const match = REVIEW.exec(text);
  if (!match) return undefined;
  const { word, args } = commandWords(match[1] ?? '');
  if (word === '' || (word === 'status' && args.length === 0)) return { type: 'status' };
  if (OFF_WORDS.has(word)) {
    return args.length === 0
      ? { type: 'off' }
      : { type: 'invalid', problems: [{ kind: 'off-takes-nothing' }] };
  }
  if (!ON_WORDS.has(word)) return undefined;

  const problems: ReviewProblem[] = [];
  let time: string | undefined;
  let timeZone: string | undefined;
  const dayWords: string[] = [];
  for (const raw of args) {
    const token = raw.replace(/,+$/, '');
    if (token.toLowerCase() === 'at' || token === '') continue;
    const clock = readClock(token);
    if (clock) {
      if (time !== undefined) problems.push({ kind: 'two-times', token });
      time = clock;
    } else if (TIME_LIKE.test(token)) {
      problems.push({ kind: 'not-a-time', token });
    } else if (parseWeekdays(token) !== undefined) {
      dayWords.push(token);
    } else {
      const zone = normalizeTimeZone(token);
      if (zone === undefined) problems.push({ kind: 'unknown-word', token });
      else if (timeZone !== undefined) problems.push({ kind: 'two-zones', token: zone });
      else timeZone = zone;
    }
  }
  const weekdays = dayWords.length > 0 ? parseWeekdays(dayWords.join(',')) : undefined;
  if (dayWords.length > 0 && weekdays === undefined)
    problems.push({ kind: 'unknown-word', token: dayWords.join(' ') });
  if (problems.length > 0) return { type: 'invalid', problems };
  return {
    type: 'on',
    ...(time !== undefined ? { time } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(weekdays !== undefined ? { weekdays } : {}),
  };
}
