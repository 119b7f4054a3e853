import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { decodeAction } from '../../src/core/card/action.js';
import { QUIZ_POST_LABEL, quizCard } from '../../src/core/card/quiz-card.js';
import { quizQuestions } from '../../src/core/quiz/quiz-question.js';
import type { Store } from '../../src/store/store.js';
import { limitProblems } from '../adapters/slack/check-limits.js';
import { buttonClick, eventually, type Harness, startHarness } from '../adapters/slack/harness.js';
import { realBot } from '../helpers/catalog.js';
import { memoryQuiz } from '../quiz/memory-quiz.js';

type Json = Record<string, unknown>;
type Element = { value?: string; action_id?: string; text?: { text?: string } };
type Block = { type: string; text?: { text: string }; elements?: Element[] };

const buttons = (message: Json) =>
  ((message.blocks as Block[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.value);
const quizButtons = (message: Json) => buttons(message).filter((e) => decodeAction(e.value)?.type === 'quiz');

let h: Harness;
let store: Store;
beforeAll(async () => {
  const made = memoryQuiz();
  store = made.store;
  h = await startHarness({
    conversation: (logger) =>
      createConversation({ bot: realBot(), logger, defaultTimeZone: 'UTC', quiz: made.quiz }),
  });
});
afterAll(async () => {
  await h.close();
  await store.close();
});
beforeEach(() => {
  h.fake.reset();
});

/** A click on a message everyone sees, by `userId`. */
function clickAs(userId: string, element: Element, ephemeral = false) {
  const payload = buttonClick(element.action_id ?? '', element.value ?? '', {
    ephemeral,
    responseUrl: h.fake.responseUrl(`click-${userId}`),
  });
  return h.action({ ...payload, user: { id: userId, username: userId, team_id: 'T0TEST' } });
}

describe('the quiz on Slack, through Bolt and the fake Slack', () => {
  it('shows /pattern quiz privately with a button that posts it for the channel', async () => {
    const ack = (await (await h.command('quiz saga')).json()) as Json;
    expect(ack.response_type).toBe('ephemeral');
    expect(limitProblems(ack)).toEqual([]);
    expect(quizButtons(ack).length).toBeGreaterThanOrEqual(2);
    const post = buttons(ack).find((e) => e.text?.text === QUIZ_POST_LABEL);
    if (!post) throw new Error('no post button');
    await clickAs('U0ASKER', post, true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(2));
    const [posted, removal] = h.fake.responsePosts.map((p) => p.body as Json);
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(posted)).toContain('Shared by <@U0ASKER>');
    expect(quizButtons(posted as Json).map((e) => e.value)).toEqual(quizButtons(ack).map((e) => e.value));
    expect(removal).toEqual({ delete_original: true });
  });

  it('answers each clicker privately, leaving the posted question alone, and counts a double click once', async () => {
    const ack = (await (await h.command('quiz saga')).json()) as Json;
    const answers = quizButtons(ack);
    const action = decodeAction(answers[0]?.value);
    if (action?.type !== 'quiz') throw new Error('not a quiz button');
    const right = quizQuestions(realBot().patterns).find((q) => q.hash === action.hash)?.item.answer ?? 0;
    const correct = answers[right] ?? {};
    const wrong = answers[(right + 1) % answers.length] ?? {};

    await clickAs('U0ONE', correct);
    await clickAs('U0TWO', wrong);
    await clickAs('U0ONE', wrong);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(3));
    for (const post of h.fake.responsePosts) {
      expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(limitProblems(post.body as Json)).toEqual([]);
    }
    const said = (user: string) =>
      h.fake.responsePosts.filter((p) => p.id === `click-${user}`).map((p) => String((p.body as Json).text));
    expect(said('U0ONE')[0]).toContain('Right!');
    expect(said('U0ONE')[1]).toContain('Right!');
    expect(said('U0ONE')[1]).toContain('already');
    expect(said('U0TWO')[0]).toContain('Not quite');
    expect(await store.quizTally(`${action.slug}~${action.hash}`, action.round)).toEqual({
      answered: 2,
      right: 1,
    });
    expect(
      await store.quizPerson({ platform: 'slack', workspaceId: 'T0TEST', userId: 'U0ONE' }),
    ).toMatchObject({
      score: 1,
      answered: 1,
      streak: { current: 1 },
    });
  });

  it('keeps a record asked for in a mention to the asker (an ephemeral message), and posts the leaderboard', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U0ONE',
        text: '<@UBOT000> quiz stats',
        channel: 'C0CHANNEL',
        ts: '1700000000.000300',
      },
      'Ev-quiz-stats',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({
      channel: 'C0CHANNEL',
      user: 'U0ONE',
    });
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]?.args.text)).toContain('Your quiz record');
    const top = (await (await h.command('quiz top')).json()) as Json;
    expect(String(top.text)).toContain('Quiz leaderboard');
    expect(JSON.stringify(top)).toContain('<@U0ONE>');
  });

  it('answers a question of the day in its post’s thread (chat.postMessage with thread_ts)', async () => {
    const question = quizQuestions(realBot().patterns)[0];
    if (!question) throw new Error('no question');
    await h.service.poster.reply?.(
      'C0DAILY',
      '1700000000.000900',
      quizCard({ kind: 'reveal', question, answered: 3, right: 2 }),
    );
    const [posted] = h.fake.callsTo('chat.postMessage');
    expect(posted?.args).toMatchObject({ channel: 'C0DAILY', thread_ts: '1700000000.000900' });
    expect(String(posted?.args.text)).toContain('3 answered, 2 right.');
    expect(limitProblems(posted?.args ?? {})).toEqual([]);
  });
});
