import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/types.js';
import { FAKE_BOT_USER_ID } from '../../fakes/fake-slack.js';
import { realBot } from '../../helpers/catalog.js';
import { eventually, type Harness, startHarness, testConversation } from './harness.js';

/**
 * `what is <script>?` typed in Slack arrives as `what is &lt;script&gt;?`: decoded once at the
 * boundary, escaped once by the renderer, so people see what they typed on every path.
 */
const TYPED = 'what is &lt;script&gt;?';
type Json = Record<string, unknown>;

/** What Slack shows: no button values or action ids (they hold the query as data, unescaped). */
const shown = (value: unknown) =>
  JSON.stringify(value, (key, v) => (key === 'value' || key === 'action_id' ? undefined : v));

function expectOnce(value: unknown): void {
  const text = shown(value);
  expect(text).toContain('what is &lt;script&gt;?');
  expect(text).not.toContain('&amp;lt;');
  expect(text).not.toContain('<script>');
}

const shareOf = (message: Json) =>
  (message.blocks as { elements?: Json[] }[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => (e.text as { text?: string } | undefined)?.text === 'Share in channel') as
    | { action_id: string; value: string }
    | undefined;

let h: Harness;
let slow: Harness;
beforeAll(async () => {
  h = await startHarness();
  slow = await startHarness({
    ackBudgetMs: 20,
    conversation: (logger): Conversation => {
      const base = testConversation(realBot(), logger);
      const ask: Conversation['ask'] = (input) =>
        new Promise((resolve) => setTimeout(() => resolve(base.ask(input)), 150));
      return { ...base, ask, askWithin: async (input) => ({ later: ask(input) }) };
    },
  });
});
afterAll(async () => {
  await h.close();
  await slow.close();
});

describe('escaped exactly once, on every path', () => {
  it('the /pattern ack', async () => {
    expectOnce(await (await h.command(TYPED)).json());
  });

  it('the late answer through the response_url', async () => {
    slow.fake.reset();
    await slow.command(TYPED);
    await eventually(() => expect(slow.fake.responsePosts).toHaveLength(1));
    expectOnce(slow.fake.responsePosts[0]?.body);
  });

  it('the card shared in the channel', async () => {
    h.fake.reset();
    const ack = (await (await h.command(TYPED)).json()) as Json;
    const share = shareOf(ack);
    if (!share) throw new Error('no Share button');
    await h.click(share.action_id, share.value, true);
    await eventually(() => expect(h.fake.responsePosts.length).toBeGreaterThanOrEqual(1));
    expect(h.fake.responsePosts[0]?.body.response_type).toBe('in_channel');
    expectOnce(h.fake.responsePosts[0]?.body);
  });

  it('the reply to a mention, in its thread', async () => {
    h.fake.reset();
    await h.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${FAKE_BOT_USER_ID}> ${TYPED}`,
        ts: '1700000000.000501',
        channel: 'C0CHANNEL',
      },
      'Ev-once-mention',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    const args = h.fake.callsTo('chat.postMessage')[0]?.args;
    expect(args?.thread_ts).toBe('1700000000.000501');
    expectOnce(args);
  });

  it('the reply to a DM', async () => {
    h.fake.reset();
    await h.event(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        user: 'U0ASKER',
        text: TYPED,
        ts: '1700000000.000502',
      },
      'Ev-once-dm',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    expectOnce(h.fake.callsTo('chat.postMessage')[0]?.args);
  });
});
