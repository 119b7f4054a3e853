import { describe, expect, it } from 'vitest';
import { cardToDiscord } from '../../src/adapters/discord/card-to-discord.js';
import { escapeUserText } from '../../src/adapters/discord/escape.js';
import { escapeSlack } from '../../src/adapters/slack/escape.js';
import { renderCard } from '../../src/adapters/slack/render-card.js';
import type { PatternView } from '../../src/core/card/action.js';
import { answerToCard } from '../../src/core/card/answer-to-card.js';
import type { Card, CardBlock, Rich } from '../../src/core/card/card.js';
import { quizCard, withQuestion } from '../../src/core/card/quiz-card.js';
import { reviewAnsweredCard, reviewCard, reviewPromptCard } from '../../src/core/card/review-card.js';
import { quizQuestions } from '../../src/core/quiz/quiz-question.js';
import type { ReviewAnswer } from '../../src/core/review/review-answer.js';
import { LEADERBOARD_SIZE } from '../../src/quiz/create-quiz.js';
import { realBot } from '../helpers/catalog.js';
import { expectWithinDiscordLimits } from './discord/expect-within-limits.js';
import { limitProblems } from './slack/check-limits.js';

const bot = realBot();
const VIEWS: PatternView[] = ['card', 'more', 'diagram', 'compare-with'];
/** Slack starts refusing whole messages near 13,000 characters of blocks (bolt-js #2509): stay far below. */
const SLACK_MESSAGE_BUDGET = 12_000;

/** Every card of the catalog: each pattern's four layers, the pattern of the day, every ordered pair, list, help, categories. */
function everyCard(): { name: string; card: Card }[] {
  const cards: { name: string; card: Card }[] = [];
  for (const pattern of bot.patterns) {
    for (const view of VIEWS) {
      const answer = bot.patternAnswer(pattern.slug, 'lookup', view);
      if (answer) cards.push({ name: `${pattern.slug} ${view}`, card: answerToCard(answer) });
    }
    for (const other of bot.patterns) {
      if (other !== pattern)
        cards.push({
          name: `${pattern.slug} vs ${other.slug}`,
          card: answerToCard(bot.compareAnswer(pattern, other)),
        });
    }
  }
  cards.push({ name: 'today', card: answerToCard(bot.todayAnswer('2026-12-04')) });
  for (const text of [
    'list',
    'help',
    ...bot.groups().map((g) => `category ${g.category}`),
    ...bot.glossary.map((entry) => `what is ${entry.term}?`),
    ...bot.glossary.flatMap((entry) =>
      entry.relates.map((r) => `${entry.term} vs ${bot.bySlug(r.slug)?.name}`),
    ),
  ]) {
    cards.push({ name: text, card: answerToCard(bot.answer(text)) });
  }
  return cards;
}

/** The plain strings of a card's body: each must reach the platform whole, never cut. */
function bodyStrings(card: Card): string[] {
  const fromRich = (rich: Rich) => rich.filter((span): span is string => typeof span === 'string');
  const fromBlock = (block: CardBlock): string[] => {
    switch (block.type) {
      case 'text':
        return fromRich(block.text);
      case 'fields':
        return block.fields.flatMap((field) => fromRich(field.value));
      case 'list':
        return block.items.flatMap(fromRich);
      case 'columns':
        return block.rows.flatMap((row) => row.cells.flatMap(fromRich));
      case 'code':
      case 'image':
        return [];
    }
  };
  return card.blocks.flatMap(fromBlock).filter((text) => text.trim().length > 3);
}

/** A string as it appears inside the rendered JSON. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

const cards = everyCard();

describe('every card of every pattern and every pair fits each platform, with no truncation', () => {
  it('renders the whole catalog: 12 patterns × 4 layers, 132 ordered pairs and the rest', () => {
    const versus = bot.glossary.reduce((sum, entry) => sum + entry.relates.length, 0);
    expect(cards.length).toBe(12 * 4 + 12 * 11 + 1 + 2 + bot.groups().length + bot.glossary.length + versus);
    const terms = cards.filter((c) => c.name.startsWith('what is '));
    expect(terms.filter((c) => c.card.subtitle?.[0]?.toString().startsWith('Not a pattern')).length).toBe(
      terms.length,
    );
  });

  fitsEachPlatform(cards);
});

/** Every card fits Slack (each surface) and Discord (private and public), its body whole. */
function fitsEachPlatform(list: readonly { name: string; card: Card }[]): void {
  it.each(list.map((c) => [c.name, c.card] as const))('Slack: %s', (_name, card) => {
    for (const surface of ['private', 'public', 'home'] as const) {
      const message = renderCard(card, surface);
      expect(limitProblems(message, surface === 'home' ? 100 : 50)).toEqual([]);
      const json = JSON.stringify(message.blocks);
      expect(json.length).toBeLessThan(SLACK_MESSAGE_BUDGET);
      for (const text of bodyStrings(card)) expect(json, text).toContain(inJson(escapeSlack(text)));
    }
  });

  it.each(list.map((c) => [c.name, c.card] as const))('Discord: %s', (_name, card) => {
    for (const isPrivate of [true, false]) {
      const message = cardToDiscord(card, { private: isPrivate });
      expectWithinDiscordLimits(message as Parameters<typeof expectWithinDiscordLimits>[0]);
      const json = JSON.stringify(message.embeds);
      for (const text of bodyStrings(card)) expect(json, text).toContain(inJson(escapeUserText(text)));
    }
  });
}

/** Every quiz card: each question, each answer to it (right, wrong, repeated), its reveal, and the rest. */
function everyQuizCard(): { name: string; card: Card }[] {
  const questions = quizQuestions(bot.patterns);
  const totals = { score: 9999, answered: 99999, currentStreak: 3650, bestStreak: 3650 };
  const cards = questions.flatMap((question) => [
    { name: `quiz ${question.id}`, card: quizCard({ kind: 'question', question, round: 'zzzzzzzzzzzz' }) },
    {
      name: `reveal ${question.id}`,
      card: quizCard({ kind: 'reveal', question, answered: 100000, right: 99999 }),
    },
    ...question.item.options.map((_, chosen) => ({
      name: `answer ${chosen} ${question.id}`,
      card: quizCard({
        kind: 'result',
        question,
        chosen,
        correct: chosen === question.item.answer,
        repeat: true,
        totals,
      }),
    })),
  ]);
  const leaders = Array.from({ length: LEADERBOARD_SIZE }, (_, i) => ({
    userId: `U0${'X'.repeat(10)}${i}`,
    right: 99999,
    answered: 99999,
  }));
  const daily = questions.map((question) => ({
    name: `daily with ${question.id}`,
    card: withQuestion(answerToCard(bot.todayAnswer('2026-12-04')), question, 'd1a2b3c4'),
  }));
  return [
    ...cards,
    ...daily,
    {
      name: 'stats',
      card: quizCard({ kind: 'stats', totals, mastered: bot.patterns, patternsWithQuestions: 12 }),
    },
    { name: 'top', card: quizCard({ kind: 'top', leaders }) },
    { name: 'top empty', card: quizCard({ kind: 'top', leaders: [] }) },
    { name: 'top off', card: quizCard({ kind: 'top-off' }) },
    { name: 'gone', card: quizCard({ kind: 'gone' }) },
    { name: 'no questions', card: quizCard({ kind: 'no-questions', topic: 'x'.repeat(200) }) },
  ];
}

describe('every quiz card fits each platform, with no truncation', () => {
  const quiz = everyQuizCard();
  it('has a question card and an answer card for each option of each question', () => {
    const questions = quizQuestions(bot.patterns);
    const options = questions.reduce((sum, q) => sum + q.item.options.length, 0);
    expect(quiz.length).toBe(questions.length * 3 + options + 6);
  });
  fitsEachPlatform(quiz);
});

/** Every review card: the DM with the three longest names, each answer, each command outcome. */
function reviewCards(): { name: string; card: Card }[] {
  const longest = [...bot.patterns].sort((a, b) => b.name.length - a.name.length).slice(0, 3);
  const items = longest.map((p) => ({ slug: p.slug, name: p.name, category: p.category }));
  const schedule = { time: '09:00', timeZone: 'America/Argentina/ComodRivadavia', weekdays: 0b010_1010 };
  const answers: ReviewAnswer[] = [
    {
      outcome: 'invalid',
      problems: [{ kind: 'unknown-word', token: 'x'.repeat(500) }, { kind: 'off-takes-nothing' }],
    },
    { outcome: 'unavailable' },
    { outcome: 'status-off' },
    { outcome: 'status-on', schedule: { ...schedule, nextAt: new Date('2026-12-07T12:00:00Z') }, cards: 12 },
    { outcome: 'turned-on', schedule },
    { outcome: 'turned-off', deleted: true },
  ];
  return [
    { name: 'review DM', card: reviewPromptCard({ date: '2026-12-07', items, moreDue: 9 }) },
    ...bot.patterns.flatMap((p) =>
      (['knew', 'not-yet', 'skip'] as const).map((grade) => ({
        name: `${p.slug} ${grade}`,
        card: reviewAnsweredCard({
          outcome: 'graded',
          slug: p.slug,
          name: p.name,
          grade,
          nextDate: '2026-12-10',
        }),
      })),
    ),
    {
      name: 'already',
      card: reviewAnsweredCard({ outcome: 'already-answered', name: longest[0]?.name ?? '' }),
    },
    { name: 'not subscribed', card: reviewAnsweredCard({ outcome: 'not-subscribed' }) },
    ...answers.map((answer) => ({ name: answer.outcome, card: reviewCard(answer) })),
  ];
}

describe('every spaced-review card fits each platform, button labels whole', () => {
  const review = reviewCards();
  const labels = (card: Card) => card.groups.flatMap((group) => group.buttons.map((b) => b.label));

  it('holds three patterns with three buttons each in the DM', () => {
    expect(review[0]?.card.groups.map((group) => group.buttons.length)).toEqual([3, 3, 3]);
  });

  it.each(review.map((c) => [c.name, c.card] as const))('Slack: %s', (_name, card) => {
    const message = renderCard(card, 'public');
    expect(limitProblems(message, 50)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    for (const label of labels(card)) expect(json, label).toContain(inJson(escapeSlack(label)));
  });

  it.each(review.map((c) => [c.name, c.card] as const))('Discord: %s', (_name, card) => {
    const message = cardToDiscord(card, { private: false });
    expectWithinDiscordLimits(message as Parameters<typeof expectWithinDiscordLimits>[0]);
    const rendered = (message.components ?? []).flatMap((row) => row.components.map((b) => b.label));
    expect(rendered).toEqual(labels(card));
  });
});
