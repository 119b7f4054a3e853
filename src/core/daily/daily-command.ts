import { code, type Rich } from '../card/card.js';
import { commandWords, OFF_WORDS, ON_WORDS, readClock, TIME_LIKE } from './command-words.js';
import { normalizeTimeZone } from './time-zone.js';
import { parseWeekdays } from './weekdays.js';

export const DEFAULT_DAILY_TIME = '09:00';

export type DailyCommand =
  | { readonly type: 'status' }
  | { readonly type: 'off' }
  | {
      readonly type: 'on';
      readonly time?: string;
      readonly timeZone?: string;
      readonly weekdays?: number;
      /** `thread` (true) or `no-thread` (false); left out, the channel's setting stays. */
      readonly thread?: boolean;
      /** `diagram` (true) or `no-diagram` (false): the post carries the pattern's picture; left out, it stays. */
      readonly diagram?: boolean;
      /** `quiz` (true) or `no-quiz` (false): end each post with a question of the day; left out, it stays. */
      readonly quiz?: boolean;
    }
  | { readonly type: 'invalid'; readonly problems: readonly Rich[] };

const DAILY = /^\s*(?:\/?pattern\s+)?daily\b\s*(.*)$/is;
/** The words that turn the discussion thread, the diagram in the post and the question of the day on or off. */
const SWITCHES = {
  thread: new Map([
    ['thread', true],
    ['no-thread', false],
    ['nothread', false],
  ]),
  diagram: new Map([
    ['diagram', true],
    ['no-diagram', false],
    ['nodiagram', false],
  ]),
  quiz: new Map([
    ['quiz', true],
    ['no-quiz', false],
    ['noquiz', false],
  ]),
} as const satisfies Record<string, ReadonlyMap<string, boolean>>;
type Switch = keyof typeof SWITCHES;
const switchOf = (token: string): [Switch, boolean] | undefined => {
  for (const name of Object.keys(SWITCHES) as Switch[]) {
    const value = SWITCHES[name].get(token.toLowerCase());
    if (value !== undefined) return [name, value];
  }
  return undefined;
};

/**
 * The one `daily` grammar. Whatever verb a person uses, the result is one of four types, and only
 * `on` and `off` change a subscription: the permission check keys on the type, never on the words.
 * Reads `daily`, `daily on [HH:MM] [zone] [days] [thread|no-thread] [diagram|no-diagram] [quiz|no-quiz]`,
 * `daily off`; undefined for any other text. */
export function parseDailyCommand(text: string): DailyCommand | undefined {
  const match = DAILY.exec(text);
  if (!match) return undefined;
  const { verb, word, args } = commandWords(match[1] ?? '');
  if (word === '' || (word === 'status' && args.length === 0)) return { type: 'status' };
  if (OFF_WORDS.has(word)) {
    return args.length === 0
      ? { type: 'off' }
      : { type: 'invalid', problems: [[code('daily off'), ' takes nothing after it.']] };
  }
  if (!ON_WORDS.has(word)) {
    return {
      type: 'invalid',
      problems: [
        [`“daily ${verb}”: use `, code('daily on …'), ', ', code('daily off'), ' or ', code('daily'), '.'],
      ],
    };
  }

  const problems: Rich[] = [];
  let time: string | undefined;
  let timeZone: string | undefined;
  let weekdays: number | undefined;
  const switches: Partial<Record<Switch, boolean>> = {};
  const dayWords: string[] = [];
  for (const token of args) {
    const clock = readClock(token);
    const switched = switchOf(token);
    if (switched) {
      const [name, value] = switched;
      if (switches[name] !== undefined && switches[name] !== value) {
        problems.push(['Both ', code(name), ' and ', code(`no-${name}`), ' given.']);
      }
      switches[name] = value;
    } else if (clock) {
      if (time !== undefined) problems.push([`Two times given: ${time} and ${token}.`]);
      time = clock;
    } else if (TIME_LIKE.test(token)) {
      problems.push([`“${token}” is not a 24-hour time (HH:MM, 00:00 to 23:59).`]);
    } else if (parseWeekdays(token.replace(/,+$/, '')) !== undefined) {
      dayWords.push(token.replace(/,+$/, ''));
    } else {
      const zone = normalizeTimeZone(token);
      if (zone === undefined) problems.push([`“${token}” is not a time zone or days I know.`]);
      else if (timeZone !== undefined) problems.push([`Two time zones given: ${timeZone} and ${zone}.`]);
      else timeZone = zone;
    }
  }
  if (dayWords.length > 0) {
    weekdays = parseWeekdays(dayWords.join(','));
    if (weekdays === undefined) problems.push([`“${dayWords.join(' ')}” are not days I can read.`]);
  }
  if (problems.length > 0) return { type: 'invalid', problems };
  return {
    type: 'on',
    ...(time !== undefined ? { time } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(weekdays !== undefined ? { weekdays } : {}),
    ...(switches.thread !== undefined ? { thread: switches.thread } : {}),
    ...(switches.diagram !== undefined ? { diagram: switches.diagram } : {}),
    ...(switches.quiz !== undefined ? { quiz: switches.quiz } : {}),
  };
}

/** Whether the command changes the channel's subscription (and so needs permission). */
export function changesSubscription(command: DailyCommand): boolean {
  return command.type === 'on' || command.type === 'off';
}
