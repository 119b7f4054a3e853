import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { decodeAction } from '../../src/core/card/action.js';
import type { Card } from '../../src/core/card/card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { createDailyScheduler } from '../../src/daily/daily-scheduler.js';
import type { PostOptions } from '../../src/daily/poster.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createQuiz } from '../../src/quiz/create-quiz.js';
import { createDailyQuestion } from '../../src/quiz/daily-question.js';
import { captureLogger, FakeClock, FakePoster, openTempStore } from '../daily/fakes.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();

/** A fake platform that keeps each card it posted and each reply in a post's thread. */
class ThreadedPoster extends FakePoster {
  readonly cards: { channelId: string; messageId: string; card: Card }[] = [];
  readonly replies: { channelId: string; messageId: string; card: Card }[] = [];
  override async post(channelId: string, card: Card, options: PostOptions) {
    const sent = await super.post(channelId, card, options);
    this.cards.push({ channelId, messageId: sent.messageId, card });
    return sent;
  }
  async reply(channelId: string, messageId: string, card: Card): Promise<void> {
    this.replies.push({ channelId, messageId, card });
  }
}

let clock: FakeClock;
let temp: ReturnType<typeof openTempStore>;
let slack: ThreadedPoster;
beforeEach(() => {
  clock = new FakeClock(new Date('2026-11-25T07:00:00Z'));
  temp = openTempStore({ clock: clock.now });
  slack = new ThreadedPoster('slack', clock.now);
});
afterEach(async () => {
  await temp.cleanup();
});

async function setup(revealAfterMs?: number) {
  const { store } = temp;
  for (const [channelId, quiz] of [
    ['C1', true],
    ['C2', false],
  ] as const) {
    await store.upsertSubscription(
      {
        platform: 'slack',
        channelId,
        time: '09:00',
        timeZone: 'UTC',
        weekdays: EVERY_DAY,
        thread: false,
        diagram: false,
        source: 'command',
        quiz,
      },
      new Date('2026-11-01T00:00:00Z'),
    );
  }
  const scheduler = createDailyScheduler({
    store,
    posters: [slack],
    bot,
    clock: clock.now,
    logger: captureLogger().logger,
    owner: 'test',
    tickPattern: null,
    quiz: createDailyQuestion({ bot, store, ...(revealAfterMs ? { revealAfterMs } : {}) }),
  });
  const quiz = createQuiz({ bot, store, clock: clock.now, defaultTimeZone: 'UTC', leaderboard: true });
  const conversation = createConversation({
    bot,
    logger: captureLogger().logger,
    defaultTimeZone: 'UTC',
    quiz,
  });
  return { scheduler, conversation };
}

const quizButtons = (card: Card) =>
  card.groups.flatMap((g) => g.buttons.map((b) => b.action)).filter((a) => decodeAction(a)?.type === 'quiz');

describe('the question of the day', () => {
  it('ends the daily post with a question where it is on, and answers it in the thread at the next post', async () => {
    const { scheduler, conversation } = await setup();
    clock.set('2026-11-25T09:00:30Z');
    await scheduler.tick();
    const first = slack.cards.find((c) => c.channelId === 'C1');
    const plain = slack.cards.find((c) => c.channelId === 'C2');
    if (!first || !plain) throw new Error('not posted');
    expect(cardToText(first.card)).toContain('Question of the day');
    expect(quizButtons(plain.card)).toEqual([]);
    const buttons = quizButtons(first.card);
    const action = decodeAction(buttons[0]);
    if (action?.type !== 'quiz') throw new Error('no answer buttons');
    // The day's pattern's own question.
    expect(action.slug).toBe(bot.todayAnswer('2026-11-25').pattern.slug);

    const where = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' } as const;
    const results = [];
    for (const [i, userId] of ['U0A', 'U0B', 'U0C'].entries()) {
      results.push(await conversation.act(buttons[i % buttons.length], { ...where, userId }));
    }
    const right = results.filter((r) => r.card.title === 'Right!').length;

    clock.set('2026-11-25T15:00:30Z');
    await scheduler.tick();
    expect(slack.replies).toEqual([]);

    clock.set('2026-11-26T09:00:30Z');
    await scheduler.tick();
    expect(slack.replies).toHaveLength(1);
    const [reveal] = slack.replies;
    expect(reveal).toMatchObject({ channelId: 'C1', messageId: first.messageId });
    const text = cardToText(reveal?.card ?? { tone: 'plain', blocks: [], groups: [] });
    expect(text).toContain('Question of the day: the answer');
    expect(text).toContain(`3 answered, ${right} right.`);
    // Once only: the next tick does not answer it again.
    clock.set('2026-11-26T09:01:30Z');
    await scheduler.tick();
    expect(slack.replies).toHaveLength(1);
  });

  it('answers after the configured delay instead, when there is one', async () => {
    const { scheduler } = await setup(60 * 60_000);
    clock.set('2026-11-25T09:00:30Z');
    await scheduler.tick();
    clock.set('2026-11-25T09:59:30Z');
    await scheduler.tick();
    expect(slack.replies).toEqual([]);
    clock.set('2026-11-25T10:01:00Z');
    await scheduler.tick();
    expect(slack.replies).toHaveLength(1);
    expect(cardToText(slack.replies[0]?.card ?? { tone: 'plain', blocks: [], groups: [] })).toContain(
      'No one answered this time.',
    );
  });
});
