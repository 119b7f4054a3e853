import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../src/core/card/action.js';
import { quizCard } from '../../src/core/card/quiz-card.js';
import { quizQuestions } from '../../src/core/quiz/quiz-question.js';
import type { Store } from '../../src/store/store.js';
import { expectWithinDiscordLimits } from '../adapters/discord/expect-within-limits.js';
import { type Harness, startHarness } from '../adapters/discord/harness.js';
import { button, slashCommand } from '../fakes/discord-payloads.js';
import { ALICE, BOB, GUILD_ID, type RecordedRequest } from '../fakes/fake-discord.js';
import { realBot } from '../helpers/catalog.js';
import { memoryQuiz } from '../quiz/memory-quiz.js';

interface Callback {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    components?: {
      type: number;
      components: { type: number; custom_id?: string; label?: string; style?: number }[];
    }[];
  };
}
const EPHEMERAL = 64;
const body = (request: RecordedRequest) => request.body as Callback;
const customIds = (callback: Callback) =>
  (callback.data?.components ?? []).flatMap((row) => row.components.flatMap((b) => b.custom_id ?? []));
const text = (callback: Callback) => JSON.stringify(callback.data?.embeds ?? []);

let h: Harness;
let store: Store;
beforeAll(async () => {
  const made = memoryQuiz();
  store = made.store;
  h = await startHarness({ quiz: made.quiz });
});
afterAll(async () => {
  await h.close();
  await store.close();
});

async function command(query: string, from = ALICE): Promise<Callback> {
  const i = slashCommand(h.fake, { query, from });
  return body(await h.fake.callback(i.id, i.token));
}
async function click(customId: string, from = ALICE): Promise<Callback> {
  const i = button(h.fake, customId, from);
  return body(await h.fake.callback(i.id, i.token));
}

describe('the quiz on Discord, through discord.js and the fake Discord', () => {
  it('posts a question in the channel; each person’s answer comes to them alone, once', async () => {
    const question = await command('quiz saga');
    expect(question.type).toBe(4);
    expect(question.data?.flags ?? 0).toBe(0);
    expectWithinDiscordLimits(question.data ?? {});
    const answers = customIds(question).filter((id) => decodeAction(id)?.type === 'quiz');
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const action = decodeAction(answers[0]);
    if (action?.type !== 'quiz') throw new Error('not a quiz button');
    const asked = quizQuestions(realBot().patterns).find((q) => q.hash === action.hash);
    const right = asked?.item.answer ?? 0;

    const bob = await click(answers[right] ?? '', BOB);
    expect(bob.data?.flags).toBe(EPHEMERAL);
    expect(bob.data?.embeds?.[0]?.title).toBe('Right!');
    expectWithinDiscordLimits(bob.data ?? {});
    const wrong = await click(answers[(right + 1) % answers.length] ?? '', ALICE);
    expect(wrong.data?.flags).toBe(EPHEMERAL);
    expect(wrong.data?.embeds?.[0]?.title).toBe('Not quite');
    expect(text(wrong)).toContain('Why not');

    const again = await click(answers[(right + 1) % answers.length] ?? '', BOB);
    expect(again.data?.embeds?.[0]?.title).toBe('Right!');
    expect(text(again)).toContain('already');
    expect(await store.quizTally(`${action.slug}~${action.hash}`, action.round)).toEqual({
      answered: 2,
      right: 1,
    });
    expect(
      await store.quizPerson({ platform: 'discord', workspaceId: GUILD_ID, userId: BOB.id }),
    ).toMatchObject({
      score: 1,
      answered: 1,
    });
  });

  it('shows a person’s record and the leaderboard privately even when the command was public', async () => {
    const stats = await command('quiz stats', BOB);
    expect(stats.data?.flags).toBe(EPHEMERAL);
    expect(stats.data?.embeds?.[0]?.title).toBe('Your quiz record');
    const top = await command('quiz top');
    expect(top.data?.flags).toBe(EPHEMERAL);
    expect(text(top)).toContain(`<@${BOB.id}>`);
  });

  it('tells a click on a question no longer in the catalog so, privately', async () => {
    const stale =
      encodeAction({ type: 'quiz', slug: 'saga-pattern', hash: 'zzzzzz', option: 0, round: 'abc' }) ?? '';
    const callback = await click(stale);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('This question is no longer in the catalog');
  });

  it('answers a question of the day in the post’s thread: the channel with the post’s id', async () => {
    const question = quizQuestions(realBot().patterns)[0];
    if (!question) throw new Error('no question');
    const post = '300000000000000077';
    await h.service.poster.reply?.(
      '300000000000000042',
      post,
      quizCard({ kind: 'reveal', question, answered: 3, right: 2 }),
    );
    const sent = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${post}/messages`,
    );
    expect(JSON.stringify(sent.body)).toContain('3 answered, 2 right.');
    expect(sent.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });
});
