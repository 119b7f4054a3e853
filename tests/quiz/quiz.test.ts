import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import type { ActInput, AskInput } from '../../src/conversation/types.js';
import { type Bot, createBot } from '../../src/core/bot.js';
import { decodeAction } from '../../src/core/card/action.js';
import type { Card } from '../../src/core/card/card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { quizQuestions } from '../../src/core/quiz/quiz-question.js';
import { createQuiz } from '../../src/quiz/create-quiz.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { captureLogger } from '../daily/fakes.js';
import { realBot, realPatterns } from '../helpers/catalog.js';

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function setup(options: { bot?: Bot; store?: Store; leaderboard?: boolean; now?: () => Date } = {}) {
  const store = options.store ?? createSqliteStore(':memory:');
  if (!options.store) stores.push(store);
  const bot = options.bot ?? realBot();
  const clock = options.now ?? (() => new Date('2026-12-04T12:00:00Z'));
  const quiz = createQuiz({
    bot,
    store,
    clock,
    defaultTimeZone: 'Europe/Berlin',
    leaderboard: options.leaderboard ?? true,
    random: () => 0,
  });
  const conversation = createConversation({
    bot,
    logger: captureLogger().logger,
    defaultTimeZone: 'UTC',
    clock,
    quiz,
  });
  return { conversation, store };
}

const where = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' } as const;
const asker: AskInput = { ...where, text: 'quiz', userId: 'U1' };
const by = (userId: string): ActInput => ({ ...where, userId });

/** The answer buttons of a question card, in option order. */
function answers(card: Card): string[] {
  return card.groups.flatMap((group) => group.buttons.map((button) => button.action));
}

describe('the quiz through the conversation', () => {
  it('asks a question with 2 to 4 answer buttons and a button to post it for the channel', async () => {
    const { conversation } = setup();
    const card = await conversation.ask(asker);
    expect(card.eyebrow).toBe('Quiz');
    const buttons = answers(card);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(4);
    expect(buttons.map((b) => decodeAction(b)?.type)).toEqual(buttons.map(() => 'quiz'));
    expect(decodeAction(card.share?.action)).toMatchObject({ type: 'quiz-post' });
    // Easiest first: the first question is from an intro-level pattern.
    const first = decodeAction(buttons[0]);
    const slug = first?.type === 'quiz' ? first.slug : '';
    expect(realBot().bySlug(slug)?.doc?.level).toBe('intro');
  });

  it('answers privately: right with the explanation; wrong with why that option does not fit', async () => {
    const { conversation } = setup();
    const card = await conversation.ask({ ...asker, text: 'quiz saga' });
    const buttons = answers(card);
    const action = decodeAction(buttons[0]);
    if (action?.type !== 'quiz') throw new Error('not a quiz button');
    const question = quizQuestions(realBot().patterns).find(
      (q) => q.slug === action.slug && q.hash === action.hash,
    );
    if (!question) throw new Error('question not found');
    const { answer, why_not: whyNot, explanation } = question.item;
    const right = await conversation.act(buttons[answer], by('U1'));
    expect(right.type).toBe('show');
    expect(right.card.title).toBe('Right!');
    expect(cardToText(right.card)).toContain(explanation.slice(0, 40));
    const wrongIndex = (answer + 1) % buttons.length;
    const wrong = await conversation.act(buttons[wrongIndex], by('U2'));
    expect(wrong.card.title).toBe('Not quite');
    const text = cardToText(wrong.card);
    expect(text).toContain(question.item.options[answer] ?? 'missing');
    const expectedWhy = whyNot?.[String(wrongIndex)] ?? `the answer is ${answer + 1}`;
    expect(text).toContain(expectedWhy);
  });

  it('counts a double click once, and says so', async () => {
    const { conversation, store } = setup();
    const buttons = answers(await conversation.ask(asker));
    const first = await conversation.act(buttons[0], by('U7'));
    const second = await conversation.act(buttons[1], by('U7'));
    expect(second.card.eyebrow).toMatch(/already/);
    expect(second.card.title).toBe(first.card.title);
    expect(await store.quizPerson({ platform: 'slack', workspaceId: 'T1', userId: 'U7' })).toMatchObject({
      answered: 1,
    });
  });

  it('posts a question for the channel under the clicker’s name, with the same answer buttons', async () => {
    const { conversation } = setup();
    const card = await conversation.ask(asker);
    const posted = await conversation.act(card.share?.action, by('U1'));
    expect(posted.type).toBe('share');
    expect(posted.card.byline).toEqual(['Shared by ', { user: 'U1' }]);
    expect(answers(posted.card)).toEqual(answers(card));
    expect(posted.card.share).toBeUndefined();
  });

  it('tells a click on a question that changed or left the catalog that it is gone', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const before = setup({ store });
    const buttons = answers(await before.conversation.ask({ ...asker, text: 'quiz saga' }));
    const edited = realPatterns().map((pattern) =>
      pattern.slug === 'saga-pattern' && pattern.doc
        ? {
            ...pattern,
            doc: {
              ...pattern.doc,
              quiz: pattern.doc.quiz.map((q) => ({ ...q, prompt: `${q.prompt} (edited)` })),
            },
          }
        : pattern,
    );
    const after = setup({ store, bot: createBot(edited) });
    const result = await after.conversation.act(buttons[0], by('U1'));
    expect(result.type).toBe('notice');
    expect(result.card.title).toBe('This question is no longer in the catalog');
    expect(await store.quizPerson({ platform: 'slack', workspaceId: 'T1', userId: 'U1' })).toMatchObject({
      answered: 0,
    });
  });

  it('picks by the asker: a second question for the same person is a new one', async () => {
    const { conversation } = setup();
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const buttons = answers(await conversation.ask(asker));
      const action = decodeAction(buttons[0]);
      if (action?.type !== 'quiz') throw new Error('not a quiz button');
      expect(seen.has(action.hash)).toBe(false);
      seen.add(action.hash);
      await conversation.act(buttons[0], by('U1'));
    }
  });

  it('shows stats privately and a channel leaderboard, which a setting turns off', async () => {
    const { conversation } = setup();
    const buttons = answers(await conversation.ask({ ...asker, text: 'quiz saga' }));
    for (const user of ['U1', 'U2', 'U3']) await conversation.act(buttons[0], by(user));
    const stats = await conversation.ask({ ...asker, text: 'quiz stats' });
    expect(stats.title).toBe('Your quiz record');
    expect(cardToText(stats)).toMatch(/Score: \d right of 1 answered/);
    const top = await conversation.ask({ ...asker, text: 'quiz top' });
    expect(cardToText(top)).toContain('@U1');
    expect(cardToText(await conversation.ask({ ...asker, channelId: 'C9', text: 'quiz top' }))).toContain(
      'No one has answered',
    );
    const off = setup({ leaderboard: false });
    expect((await off.conversation.ask({ ...asker, text: 'quiz top' })).title).toBe(
      'The leaderboard is turned off',
    );
  });

  it('says when no question fits the topic, and never echoes it unbounded', async () => {
    const { conversation } = setup();
    const card = await conversation.ask({ ...asker, text: `quiz ${'pizza '.repeat(30)}` });
    expect(card.title).toBe('No quiz question fits that');
    expect(cardToText(card).length).toBeLessThan(200);
    expect(answers(await conversation.ask({ ...asker, text: 'quiz data' })).length).toBeGreaterThan(1);
  });

  it('masters a pattern when all its questions are answered right', async () => {
    const { conversation } = setup();
    const saga = quizQuestions(realBot().patterns).filter((q) => q.slug === 'saga-pattern');
    for (let i = 0; i < saga.length; i++) {
      const buttons = answers(await conversation.ask({ ...asker, text: 'quiz saga' }));
      const action = decodeAction(buttons[0]);
      const question = saga.find((q) => action?.type === 'quiz' && q.hash === action.hash);
      await conversation.act(buttons[question?.item.answer ?? 0], by('U1'));
    }
    expect(cardToText(await conversation.ask({ ...asker, text: 'quiz stats' }))).toContain('Saga Pattern');
  });

  it('counts 1,000 people answering one question within a minute: 1,000 answers, no error', async () => {
    const { conversation, store } = setup();
    const buttons = answers(await conversation.ask(asker));
    const action = decodeAction(buttons[0]);
    if (action?.type !== 'quiz') throw new Error('not a quiz button');
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => conversation.act(buttons[i % buttons.length], by(`U${i}`))),
    );
    expect(results.filter((r) => r.type === 'show')).toHaveLength(1000);
    const tally = await store.quizTally(`${action.slug}~${action.hash}`, action.round);
    expect(tally.answered).toBe(1000);
  }, 60_000);
});
