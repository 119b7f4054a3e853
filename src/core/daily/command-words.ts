/** The verbs of `daily on` / `review on` and `… off`, with the synonyms people type. */
export const ON_WORDS: ReadonlySet<string> = new Set(['on', 'start', 'enable', 'subscribe']);
export const OFF_WORDS: ReadonlySet<string> = new Set(['off', 'stop', 'disable', 'unsubscribe']);
/** Starts with a digit or has a colon: meant as a time, even if not a valid one. */
export const TIME_LIKE = /^\d|:/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** A valid 24-hour `H:MM` or `HH:MM` as `HH:MM`, else undefined. */
export function readClock(token: string): string | undefined {
  const clock = TIME.exec(token);
  return clock && Number(clock[1]) <= 23 && Number(clock[2]) <= 59
    ? `${clock[1]?.padStart(2, '0')}:${clock[2]}`
    : undefined;
}

/** What follows a command's name: its verb (lower-cased in `word`) and the words after it. */
export function commandWords(rest: string): { verb: string; word: string; args: string[] } {
  const [verb = '', ...args] = rest
    .replace(/[?!.]+\s*$/, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return { verb, word: verb.toLowerCase(), args };
}
