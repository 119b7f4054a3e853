import type { AskContext } from '../ask.js';
import type { Answer, NoticeAnswer } from '../core/answer.js';
import type { DailyPlatform, DailyPoster } from './poster.js';
import { nextPostAt } from './schedule.js';
import type { DailyStore } from './store.js';
import { EVERY_DAY, type Subscription } from './subscription.js';
import { formatInstant, normalizeTimeZone, TIME_ZONE_HELP } from './time-zone.js';
import { formatWeekdays, parseWeekdays, WEEKDAYS_HELP } from './weekdays.js';

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
    }
  | { readonly type: 'invalid'; readonly problems: readonly string[] };

const DAILY = /^\s*(?:\/?pattern\s+)?daily\b\s*(.*)$/is;
const TIME = /^(\d{1,2}):(\d{2})$/;
/** Starts with a digit or has a colon: meant as a time, even if not a valid one. */
const TIME_LIKE = /^\d|:/;
/** The words that turn the discussion thread on or off. */
const THREAD_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['thread', true],
  ['no-thread', false],
  ['nothread', false],
]);

const usageLines = (): string[] => [
  'Write it as `daily on [HH:MM] [time zone] [days] [thread]`, for example `daily on 09:00 Europe/Berlin mon-fri`.',
  'Time: 24-hour `HH:MM`, such as `09:00` or `17:30` (default 09:00).',
  `Time zone: ${TIME_ZONE_HELP}.`,
  `Days: ${WEEKDAYS_HELP}.`,
  'Thread: `thread` starts a discussion thread under each post, `no-thread` stops it (default off).',
];

/** Reads `daily`, `daily on [HH:MM] [zone] [days] [thread|no-thread]`, `daily off`; undefined for any other text. */
export function parseDailyCommand(text: string): DailyCommand | undefined {
  const match = DAILY.exec(text);
  if (!match) return undefined;
  const [verb = '', ...args] = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const word = verb.toLowerCase();
  if (word === '' || (word === 'status' && args.length === 0)) return { type: 'status' };
  if (['off', 'stop', 'disable', 'unsubscribe'].includes(word)) {
    return args.length === 0
      ? { type: 'off' }
      : { type: 'invalid', problems: ['`daily off` takes nothing after it.'] };
  }
  if (!['on', 'start', 'enable', 'subscribe'].includes(word)) {
    return {
      type: 'invalid',
      problems: [`"daily ${verb}": use \`daily on …\`, \`daily off\` or \`daily\`.`],
    };
  }

  const problems: string[] = [];
  let time: string | undefined;
  let timeZone: string | undefined;
  let weekdays: number | undefined;
  let thread: boolean | undefined;
  const dayWords: string[] = [];
  for (const token of args) {
    const clock = TIME.exec(token);
    const threadWord = THREAD_WORDS.get(token.toLowerCase());
    if (threadWord !== undefined) {
      if (thread !== undefined && thread !== threadWord) {
        problems.push('Both `thread` and `no-thread` given.');
      }
      thread = threadWord;
    } else if (clock && Number(clock[1]) <= 23 && Number(clock[2]) <= 59) {
      if (time !== undefined) problems.push(`Two times given: ${time} and ${token}.`);
      time = `${clock[1]?.padStart(2, '0')}:${clock[2]}`;
    } else if (TIME_LIKE.test(token)) {
      problems.push(`"${token}" is not a 24-hour time (HH:MM, 00:00 to 23:59).`);
    } else if (parseWeekdays(token.replace(/,+$/, '')) !== undefined) {
      dayWords.push(token.replace(/,+$/, ''));
    } else {
      const zone = normalizeTimeZone(token);
      if (zone === undefined) problems.push(`"${token}" is not a time zone or days I know.`);
      else if (timeZone !== undefined) problems.push(`Two time zones given: ${timeZone} and ${zone}.`);
      else timeZone = zone;
    }
  }
  if (dayWords.length > 0) {
    weekdays = parseWeekdays(dayWords.join(','));
    if (weekdays === undefined) problems.push(`"${dayWords.join(' ')}" are not days I can read.`);
  }
  if (problems.length > 0) return { type: 'invalid', problems };
  return {
    type: 'on',
    ...(time !== undefined ? { time } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(weekdays !== undefined ? { weekdays } : {}),
    ...(thread !== undefined ? { thread } : {}),
  };
}

export interface DailyCommandDeps {
  readonly store: DailyStore;
  readonly posters: readonly DailyPoster[];
  readonly defaultTimeZone: string;
  readonly clock: () => Date;
}

const notice = (tone: NoticeAnswer['tone'], title: string, lines: readonly string[]): NoticeAnswer => ({
  kind: 'notice',
  tone,
  title,
  lines,
});

function scheduleLines(subscription: Subscription, now: Date): string[] {
  const next = nextPostAt(subscription, now);
  return [
    `Time: ${subscription.time} (${subscription.timeZone}), ${formatWeekdays(subscription.weekdays)}.`,
    next ? `Next post: ${formatInstant(next, subscription.timeZone)}.` : 'Next post: none scheduled.',
    `Discussion thread: ${subscription.thread ? 'on' : 'off'}.`,
    ...(subscription.source === 'config' ? ['Set by DAILY_CHANNELS in the bot’s configuration.'] : []),
  ];
}

function permissionNotice(platform: DailyPlatform): NoticeAnswer {
  return notice('error', 'You can’t change the daily pattern here', [
    platform === 'discord'
      ? 'Only members with the Manage Channels permission can turn it on or off.'
      : 'Only workspace admins can turn it on or off in this workspace.',
    'Anyone can see the schedule with `daily`.',
  ]);
}

/** Answers a parsed daily command for a channel. */
export async function handleDailyCommand(
  command: DailyCommand,
  context: AskContext,
  deps: DailyCommandDeps,
): Promise<Answer> {
  if (command.type === 'invalid') {
    return notice('error', 'I couldn’t read that daily schedule', [...command.problems, ...usageLines()]);
  }
  const platform = context.platform;
  const channelId = context.channelId;
  if (platform === 'console' || channelId === undefined) {
    return notice('info', 'The daily pattern is for channels', [
      'It posts to a Slack or Discord channel: type `/pattern daily on` there. Here, `today` shows today’s pattern.',
    ]);
  }
  const now = deps.clock();
  const existing = deps.store.getSubscription(platform, channelId);

  if (command.type === 'status') {
    if (!existing) {
      return notice('info', 'No daily pattern in this channel', [
        `Turn it on with \`daily on\` (every day at ${DEFAULT_DAILY_TIME} ${deps.defaultTimeZone}).`,
        ...usageLines(),
      ]);
    }
    if (!existing.enabled) {
      return notice('info', 'The daily pattern is off in this channel', [
        ...(existing.disabledReason ? [`Why: ${existing.disabledReason}`] : []),
        'Turn it back on with `daily on`.',
      ]);
    }
    return notice('info', 'The daily pattern is on in this channel', scheduleLines(existing, now));
  }

  if (context.canManageChannel === false) return permissionNotice(platform);

  if (command.type === 'off') {
    if (!existing?.enabled) return notice('info', 'The daily pattern was already off here', []);
    const by = context.userId ? ` by user ${context.userId}` : '';
    deps.store.disableSubscription(platform, channelId, `turned off with "daily off"${by}`, now);
    return notice('success', 'The daily pattern is off', ['Turn it back on with `daily on`.']);
  }

  const poster = deps.posters.find((p) => p.platform === platform);
  if (!poster) {
    return notice('error', 'The daily pattern isn’t available here', [
      `This deployment does not post daily patterns to ${platform}.`,
    ]);
  }
  let canPost: Awaited<ReturnType<DailyPoster['checkCanPost']>>;
  try {
    canPost = await poster.checkCanPost(channelId);
  } catch {
    return notice('error', 'I couldn’t check that I can post here', ['Please try again in a minute.']);
  }
  if (!canPost.ok) return notice('error', 'I can’t post in this channel yet', [canPost.fix]);

  const subscription = deps.store.upsertSubscription(
    {
      platform,
      channelId,
      workspaceId: context.workspaceId,
      time: command.time ?? existing?.time ?? DEFAULT_DAILY_TIME,
      timeZone: command.timeZone ?? existing?.timeZone ?? deps.defaultTimeZone,
      weekdays: command.weekdays ?? existing?.weekdays ?? EVERY_DAY,
      thread: command.thread ?? existing?.thread ?? false,
      source: 'command',
      createdBy: context.userId,
    },
    now,
  );
  return notice('success', 'The daily pattern is on in this channel', scheduleLines(subscription, now));
}
