import { assertNever } from '../answer.js';
import type { QuizOutcome, QuizTotals } from '../quiz/quiz-outcome.js';
import type { QuizQuestion } from '../quiz/quiz-question.js';
import { encodeAction } from './action.js';
import { patternGroup } from './answer-to-card.js';
import type { Card, CardButton, Rich } from './card.js';
import { strong, user } from './card.js';
import { slash } from './slash.js';

/** The wording of the quiz: questions, answers, stats, the leaderboard and the question of the day. */

export const QUIZ_POST_LABEL = 'Post for the channel';
/** How much of a topic a person typed is shown back. */
const MAX_TOPIC_ECHO = 60;

const TITLES: Readonly<Record<QuizQuestion['item']['type'], string>> = {
  scenario: 'What would you use?',
  'which-pattern': 'Which pattern is it?',
  'true-false': 'True or false?',
  'odd-one-out': 'Which is the odd one out?',
};

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const ANOTHER: Rich = ['Another one: ', slash('quiz'), ' · your record: ', slash('quiz stats'), '.'];

function totalsLine(totals: QuizTotals): Rich {
  return [
    `Score ${totals.score} of ${totals.answered} · streak ${days(totals.currentStreak)} (best ${days(totals.bestStreak)}).`,
  ];
}

function optionLine(question: QuizQuestion, index: number): Rich {
  return [strong(`${index + 1}.`), ` ${question.item.options[index] ?? ''}`];
}

function questionCard(question: QuizQuestion, round: string): Card {
  const buttons: CardButton[] = question.item.options.flatMap((_, option) => {
    const action = encodeAction({ type: 'quiz', slug: question.slug, hash: question.hash, option, round });
    return action ? [{ label: String(option + 1), action }] : [];
  });
  const post = encodeAction({ type: 'quiz-post', slug: question.slug, hash: question.hash, round });
  return {
    tone: 'info',
    eyebrow: 'Quiz',
    title: TITLES[question.item.type],
    blocks: [
      { type: 'text', text: [question.item.prompt] },
      { type: 'list', items: question.item.options.map((_, index) => optionLine(question, index)) },
    ],
    groups: [{ label: 'Your answer:', buttons }],
    footnote: ['Anyone here can answer, once each; only you see your result.'],
    ...(post ? { share: { label: QUIZ_POST_LABEL, action: post, style: 'primary' } } : {}),
  };
}

function resultCard(outcome: Extract<QuizOutcome, { kind: 'result' }>): Card {
  const { question, chosen, correct } = outcome;
  const { item } = question;
  const right = item.options[item.answer] ?? '';
  const whyNot = item.why_not?.[String(chosen)];
  const blocks: Card['blocks'] = [
    { type: 'text', text: [strong('Your answer: '), item.options[chosen] ?? ''] },
    ...(correct
      ? []
      : [
          {
            type: 'text' as const,
            text: [
              strong('Why not: '),
              whyNot ?? `it is not the best fit; the answer is ${item.answer + 1}.`,
            ],
          },
          { type: 'text' as const, text: [strong('The answer: '), right] },
        ]),
    { type: 'text', text: [strong('Why: '), item.explanation] },
  ];
  return {
    tone: correct ? 'success' : 'error',
    ...(outcome.repeat ? { eyebrow: 'You answered this one already; it counts once' } : {}),
    title: correct ? 'Right!' : 'Not quite',
    blocks,
    groups: patternGroup('Read about it:', [question.pattern]),
    footnote: [...totalsLine(outcome.totals), ' ', ...ANOTHER],
  };
}

function statsCard(outcome: Extract<QuizOutcome, { kind: 'stats' }>): Card {
  const { totals, mastered } = outcome;
  return {
    tone: 'info',
    private: true,
    title: 'Your quiz record',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: 'Score', value: [`${totals.score} right of ${totals.answered} answered`], inline: true },
          { label: 'Streak', value: [days(totals.currentStreak)], inline: true },
          { label: 'Best streak', value: [days(totals.bestStreak)], inline: true },
          {
            label: 'Patterns mastered',
            value: [
              mastered.length > 0
                ? `${mastered.length} of ${outcome.patternsWithQuestions}: ${mastered.map((p) => p.name).join(', ')}`
                : `None yet of ${outcome.patternsWithQuestions}: answer every question of a pattern right to master it.`,
            ],
          },
        ],
      },
    ],
    groups: [],
    footnote: ['A streak counts the days in a row with at least one right answer. ', ...ANOTHER],
  };
}

function topCard(outcome: Extract<QuizOutcome, { kind: 'top' }>): Card {
  if (outcome.leaders.length === 0) {
    return note('Quiz leaderboard', [
      'No one has answered a quiz in this channel yet. Start one with ',
      slash('quiz'),
      '.',
    ]);
  }
  // Private: a list of mentions posted for everyone would notify each person on Slack.
  return {
    tone: 'info',
    private: true,
    title: 'Quiz leaderboard',
    blocks: [
      {
        type: 'list',
        label: 'Right answers in this channel',
        items: outcome.leaders.map(
          (leader, index): Rich => [
            strong(`${index + 1}.`),
            ' ',
            user(leader.userId),
            ` ${leader.right} of ${leader.answered}`,
          ],
        ),
      },
    ],
    groups: [],
    footnote: ['Only people who answered here are listed. ', ...ANOTHER],
  };
}

function revealCard(outcome: Extract<QuizOutcome, { kind: 'reveal' }>): Card {
  const { item } = outcome.question;
  return {
    tone: 'info',
    eyebrow: 'Question of the day: the answer',
    title: `${item.answer + 1}. ${item.options[item.answer] ?? ''}`,
    blocks: [
      { type: 'text', text: [strong('Why: '), item.explanation] },
      {
        type: 'text',
        text: [
          outcome.answered === 0
            ? 'No one answered this time.'
            : `${outcome.answered} answered, ${outcome.right} right.`,
        ],
      },
    ],
    groups: patternGroup('Read about it:', [outcome.question.pattern]),
  };
}

/** The daily post with the question of the day at its end: its answer follows in the post's thread. */
export function withQuestion(card: Card, question: QuizQuestion, round: string): Card {
  const asked = questionCard(question, round);
  return {
    ...card,
    blocks: [...card.blocks, { type: 'text', text: [strong('Question of the day')] }, ...asked.blocks],
    groups: [...card.groups, ...asked.groups],
    footnote: [
      ...(card.footnote ? [...card.footnote, ' · '] : []),
      'Answer once each; only you see your result. The answer follows in this post’s thread.',
    ],
  };
}

/** A card of one title and one line. */
function note(title: string, line: Rich): Card {
  return { tone: 'info', title, blocks: [{ type: 'text', text: line }], groups: [] };
}

/** The card of a quiz outcome: all the quiz's wording is here. */
export function quizCard(outcome: QuizOutcome): Card {
  switch (outcome.kind) {
    case 'question':
      return questionCard(outcome.question, outcome.round);
    case 'no-questions':
      return note(
        'No quiz question fits that',
        outcome.topic
          ? [
              `I have no questions about “${outcome.topic.slice(0, MAX_TOPIC_ECHO)}”. Try `,
              slash('quiz'),
              ' for any pattern, or name a pattern or category.',
            ]
          : ['This catalog has no quiz questions yet.'],
      );
    case 'result':
      return resultCard(outcome);
    case 'gone':
      return note('This question is no longer in the catalog', [
        'It was changed or removed since it was asked. Try ',
        slash('quiz'),
        ' for a new one.',
      ]);
    case 'stats':
      return statsCard(outcome);
    case 'top':
      return topCard(outcome);
    case 'top-off':
      return note('The leaderboard is turned off', [
        'This team prefers no ranking. Your own record: ',
        slash('quiz stats'),
        '.',
      ]);
    case 'reveal':
      return revealCard(outcome);
    default:
      return assertNever(outcome);
  }
}
