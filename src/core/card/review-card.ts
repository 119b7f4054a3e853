import { assertNever } from '../answer.js';
import { COMMAND_NAME } from '../commands.js';
import { formatInstant } from '../daily/time-zone.js';
import { formatWeekdays } from '../daily/weekdays.js';
import type {
  ReviewAnswer,
  ReviewAnswered,
  ReviewGrade,
  ReviewItem,
  ReviewPrompt,
  ReviewSchedule,
} from '../review/review-answer.js';
import type { ReviewProblem } from '../review/review-command.js';
import { encodeAction } from './action.js';
import type { ButtonGroup, Card, CardButton, Rich } from './card.js';
import { code, strong } from './card.js';
import { notice } from './daily-card.js';

/** The wording of spaced review: the `review …` outcomes, the review DM and what a click did. */

const GRADE_LABELS: Readonly<Record<ReviewGrade, string>> = {
  knew: 'Knew it',
  'not-yet': 'Not yet',
  skip: 'Skip',
};

function usage(): Rich[] {
  return [
    [
      'Write it as ',
      code('review on [days] [at HH:MM] [time zone]'),
      ', for example ',
      code('review on mon,wed,fri at 08:30 Europe/Berlin'),
      '.',
    ],
    ['Default: weekdays at 09:00 UTC. ', code('review off'), ' stops it and deletes your review data.'],
  ];
}

function problemLine(problem: ReviewProblem): Rich {
  switch (problem.kind) {
    case 'not-a-time':
      return [`“${problem.token}” is not a 24-hour time (HH:MM, 00:00 to 23:59).`];
    case 'two-times':
      return [`Two times given (the second is ${problem.token}).`];
    case 'two-zones':
      return [`Two time zones given (the second is ${problem.token}).`];
    case 'unknown-word':
      return [`“${problem.token}” is not a time zone or days I know.`];
    case 'off-takes-nothing':
      return [code('review off'), ' takes nothing after it.'];
    default:
      return assertNever(problem);
  }
}

function scheduleLines(schedule: ReviewSchedule): Rich[] {
  return [
    [`When: ${formatWeekdays(schedule.weekdays)} at ${schedule.time} (${schedule.timeZone}).`],
    [
      schedule.nextAt
        ? `Next review: ${formatInstant(schedule.nextAt, schedule.timeZone)}.`
        : 'Next review: none scheduled.',
    ],
  ];
}

const STORED_LINE: Rich = [
  'I keep your schedule and, per pattern, when it is next due. ',
  code('review off'),
  ' deletes all of it.',
];

export function reviewCard(answer: ReviewAnswer): Card {
  switch (answer.outcome) {
    case 'invalid':
      return notice('error', 'I couldn’t read that review schedule', [
        ...answer.problems.map(problemLine),
        ...usage(),
      ]);
    case 'unavailable':
      return notice('info', 'Spaced review comes by direct message', [
        [
          'On Slack or Discord, ',
          code(`/${COMMAND_NAME} review on`),
          ' sends you a short review of the patterns that are due, on the days you choose.',
        ],
      ]);
    case 'status-off':
      return notice('info', 'Spaced review is off', [
        ['Turn it on with ', code('review on'), ': a short review by direct message on the days you choose.'],
        ...usage(),
      ]);
    case 'status-on':
      return notice('info', 'Spaced review is on', [
        ...scheduleLines(answer.schedule),
        [`Patterns you have reviewed: ${answer.cards}.`],
        STORED_LINE,
      ]);
    case 'turned-on':
      return notice('success', 'Spaced review is on', [...scheduleLines(answer.schedule), STORED_LINE]);
    case 'turned-off':
      return notice('success', 'Spaced review is off', [
        [
          answer.deleted
            ? 'Your review schedule and progress are deleted.'
            : 'There was no review data to delete.',
        ],
      ]);
    default:
      return assertNever(answer);
  }
}

/**
 * Each due pattern's Knew it / Not yet / Skip, each button naming its pattern: Discord lays all of a
 * card's buttons out in rows of five and cannot label a row, so a bare "Knew it" would be ambiguous.
 */
function gradeButtons(item: ReviewItem, date: string): CardButton[] {
  const grades: ReviewGrade[] = ['knew', 'not-yet', 'skip'];
  return grades.flatMap((grade) => {
    const action = encodeAction({ type: 'review', slug: item.slug, date, grade });
    return action
      ? [
          {
            label: `${item.name}: ${GRADE_LABELS[grade]}`,
            action,
            ...(grade === 'knew' ? { style: 'primary' as const } : {}),
          },
        ]
      : [];
  });
}

/** The review DM: the due patterns by name, and for each Knew it / Not yet / Skip. */
export function reviewPromptCard(prompt: ReviewPrompt): Card {
  const groups: ButtonGroup[] = prompt.items.map((item) => ({ buttons: gradeButtons(item, prompt.date) }));
  const count = prompt.items.length;
  return {
    tone: 'info',
    eyebrow: `Spaced review · ${prompt.date}`,
    title: count === 1 ? 'One pattern to review' : `${count} patterns to review`,
    blocks: [
      {
        type: 'text',
        text: [
          'For each one, recall what problem it solves and how it works before you look. Then say how it went: the answer sets when it comes back.',
        ],
      },
      { type: 'list', items: prompt.items.map((item) => [strong(item.name), ` (${item.category})`]) },
    ],
    groups,
    footnote: [
      ...(prompt.moreDue > 0 ? [`${prompt.moreDue} more due; they come in your next review. `] : []),
      code('review off'),
      ' stops these messages and deletes your review data.',
    ],
  };
}

/** What a click on Knew it / Not yet / Skip did. */
export function reviewAnsweredCard(answered: ReviewAnswered): Card {
  switch (answered.outcome) {
    case 'graded': {
      const line: Rich =
        answered.grade === 'skip'
          ? ['Skipped: it stays due and comes back in your next review.']
          : [
              answered.grade === 'knew' ? 'Well done. ' : 'It will come back sooner. ',
              answered.nextDate ? `It is due again from ${answered.nextDate}.` : '',
            ];
      const show = encodeAction({ type: 'show', slug: answered.slug });
      return {
        ...notice('success', `${answered.name}: ${GRADE_LABELS[answered.grade]}`, [line]),
        groups: show ? [{ buttons: [{ label: 'Show its card', action: show }] }] : [],
      };
    }
    case 'already-answered':
      return notice('info', `${answered.name}: already answered`, [
        ['That review is already counted; the next one comes when it is due.'],
      ]);
    case 'not-subscribed':
      return notice('info', 'Spaced review is off', [
        ['This review button is from before review was turned off. Turn it on with ', code('review on'), '.'],
      ]);
    default:
      return assertNever(answered);
  }
}
