import { assertNever, type DailyAnswer, type DailySchedule } from '../answer.js';
import { COMMAND_NAME } from '../commands.js';
import type { CanPost } from '../daily/can-post.js';
import { formatInstant } from '../daily/time-zone.js';
import { formatWeekdays } from '../daily/weekdays.js';
import type { Card, CardBlock, CardTone, Rich } from './card.js';
import { code } from './card.js';

/** The wording of every `daily …` outcome: a title and its lines. */

/** `a`, `b` or `c`, each as code. */
function list(items: readonly string[], last: string): Rich {
  return [...items.flatMap((item, i) => [...(i > 0 ? [', '] : []), code(item)]), ' or ', code(last)];
}

function usage(): Rich[] {
  return [
    [
      'Write it as ',
      code('daily on [HH:MM] [time zone] [days] [thread] [diagram] [quiz]'),
      ', for example ',
      code('daily on 09:00 Europe/Berlin mon-fri'),
      '.',
    ],
    [
      'Time: 24-hour ',
      code('HH:MM'),
      ', such as ',
      code('09:00'),
      ' or ',
      code('17:30'),
      ' (default 09:00).',
    ],
    [
      'Time zone: an IANA time zone name such as ',
      ...list(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata'], 'UTC'),
      '.',
    ],
    ['Days: days as ', ...list(['weekdays', 'weekends', 'mon,wed,fri'], 'mon-fri'), ' (default: every day).'],
    [
      'Thread: ',
      code('thread'),
      ' starts a discussion thread under each post, ',
      code('no-thread'),
      ' stops it (default off).',
    ],
    [
      'Diagram: ',
      code('diagram'),
      ' adds the pattern’s diagram to each post, ',
      code('no-diagram'),
      ' leaves it out (default off).',
    ],
    [
      'Quiz: ',
      code('quiz'),
      ' ends each post with a question of the day, ',
      code('no-quiz'),
      ' stops it (default off).',
    ],
  ];
}

function scheduleLines(schedule: DailySchedule): Rich[] {
  return [
    [`Time: ${schedule.time} (${schedule.timeZone}), ${formatWeekdays(schedule.weekdays)}.`],
    [
      schedule.nextPostAt
        ? `Next post: ${formatInstant(schedule.nextPostAt, schedule.timeZone)}.`
        : 'Next post: none scheduled.',
    ],
    [`Discussion thread: ${schedule.thread ? 'on' : 'off'}.`],
    [`Diagram in the post: ${schedule.diagram ? 'on' : 'off'}.`],
    ...(schedule.quiz ? [['Question of the day: on; its answer follows in the post’s thread.']] : []),
    ...(schedule.fromConfig ? [['Set by DAILY_CHANNELS in the bot’s configuration.']] : []),
  ];
}

function cannotPostLine(problem: Exclude<CanPost, { ok: true }>): Rich {
  switch (problem.reason) {
    case 'not-in-channel':
      return [
        'Invite me to this channel first: type ',
        code('/invite @pattern-bot'),
        ' here, then try again.',
      ];
    case 'archived':
      return ['This channel is archived.'];
    case 'missing-scope':
      return ['The Slack app is missing a scope: reinstall it from slack/manifest.json, then try again.'];
    case 'cannot-see':
      return ['I can’t see this channel. Give pattern-bot the View Channel permission here, then try again.'];
    case 'missing-permissions':
      return [
        `pattern-bot needs ${(problem.missing ?? []).join(', ') || 'more permissions'} in this channel: Edit Channel → Permissions, then try again.`,
      ];
    default:
      return assertNever(problem.reason);
  }
}

/** A titled card of plain lines (also the review outcomes'). */
export function notice(tone: CardTone, title: string, lines: readonly Rich[]): Card {
  const blocks: CardBlock[] = lines.map((text) => ({ type: 'text', text }));
  return { tone, title, blocks, groups: [] };
}

export function dailyCard(answer: DailyAnswer): Card {
  switch (answer.outcome) {
    case 'invalid':
      return notice('error', 'I couldn’t read that daily schedule', [...answer.problems, ...usage()]);
    case 'channels-only':
      return notice('info', 'The daily pattern is for channels', [
        [
          'In a Slack or Discord channel, ',
          code(`/${COMMAND_NAME} daily on 09:00 Europe/Berlin`),
          ' posts it there every day.',
        ],
        ['Here, ', code('today'), ' shows today’s pattern.'],
      ]);
    case 'status-none':
      return notice('info', 'No daily pattern in this channel', [
        [
          'Turn it on with ',
          code('daily on'),
          ` (every day at ${answer.defaultTime} ${answer.defaultTimeZone}).`,
        ],
        ...usage(),
      ]);
    case 'status-off':
      return notice('info', 'The daily pattern is off in this channel', [
        ...(answer.reason ? [[`Why: ${answer.reason}`]] : []),
        ['Turn it back on with ', code('daily on'), '.'],
      ]);
    case 'status-on':
      return notice('info', 'The daily pattern is on in this channel', scheduleLines(answer.schedule));
    case 'turned-on':
      return notice('success', 'The daily pattern is on in this channel', scheduleLines(answer.schedule));
    case 'turned-off':
      return notice('success', 'The daily pattern is off', [
        ['Turn it back on with ', code('daily on'), '.'],
      ]);
    case 'already-off':
      return notice('info', 'The daily pattern was already off here', []);
    case 'forbidden':
      return notice('error', 'You can’t change the daily pattern here', [
        [
          answer.platform === 'discord'
            ? 'Only members with the Manage Channels permission can turn it on or off.'
            : 'Only workspace admins can turn it on or off in this workspace.',
        ],
        ['Anyone can see the schedule with ', code('daily'), '.'],
      ]);
    case 'unavailable':
      return notice('error', 'The daily pattern isn’t available here', [
        [`This deployment does not post daily patterns to ${answer.platform}.`],
      ]);
    case 'check-failed':
      return notice('error', 'I couldn’t check that I can post here', [['Please try again in a minute.']]);
    case 'cannot-post':
      return notice('error', 'I can’t post in this channel yet', [cannotPostLine(answer.problem)]);
    default:
      return assertNever(answer);
  }
}
