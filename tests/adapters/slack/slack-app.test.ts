import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/types.js';
import { decodeAction } from '../../../src/core/card/action.js';
import { answerToCard } from '../../../src/core/card/answer-to-card.js';
import { deliveryKey } from '../../../src/daily/poster.js';
import { FAKE_BOT_USER_ID, slackSignature } from '../../fakes/fake-slack.js';
import { realBot } from '../../helpers/catalog.js';
import { limitProblems } from './check-limits.js';
import { BOT_TOKEN, eventually, type Harness, NOW, startHarness, testConversation } from './harness.js';

const SHARE = 'Share in channel';
const VIEW = 'p1:["v",';
const SORRY = 'Sorry, something went wrong on my side';
const NOT_IN_CHANNEL = 'I can’t post in this channel';
const RATE_LIMITED = 'I was asked to slow down';

type Json = Record<string, unknown>;
type Block = { type: string; text?: { text: string }; elements?: Json[]; block_id?: string };

const bot = realBot();
const saga = bot.patterns.find((p) => p.slug === 'saga-pattern');
if (!saga) throw new Error('the catalog has no saga-pattern');
/** What Slack renders of a message: everything but button values and action ids, which are never shown. */
const shown = (raw: string) =>
  JSON.stringify(JSON.parse(raw), (key, value) =>
    key === 'value' || key === 'action_id' ? undefined : value,
  );
const headers = (message: Json) =>
  (message.blocks as Block[]).filter((b) => b.type === 'header').map((b) => b.text?.text);
/** The first button whose label is `label`, or whose action_id starts with `label`. */
const button = (message: Json, label: string) =>
  (message.blocks as Block[])
    .flatMap((b) => b.elements ?? [])
    .find(
      (e) =>
        (e.text as { text?: string } | undefined)?.text === label || String(e.action_id).startsWith(label),
    ) as { value: string; action_id: string } | undefined;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.reset();
  h.logs.length = 0;
});

describe('Slack over HTTP: requests and signatures', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await h.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('rejects a forged signature with 401 and never calls Slack', async () => {
    const body = new URLSearchParams({ command: '/pattern', text: 'saga', user_id: 'U1', channel_id: 'C1' });
    const res = await h.post(body.toString(), 'application/x-www-form-urlencoded', {
      ...slackSignature('wrong-secret', body.toString()),
    });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
  });

  it('rejects a stale timestamp (over 5 minutes) with 401', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'Ev-stale',
      event: { type: 'app_mention' },
    });
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.post(body, 'application/json', slackSignature('test-signing-secret', body, stale));
    expect(res.status).toBe(401);
    expect(h.fake.calls).toEqual([]);
  });

  it('rejects a request with no signature with 401', async () => {
    const res = await fetch(`${h.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"event_callback"}',
    });
    expect(res.status).toBe(401);
  });

  it('serves GET /healthz from Bolt with what is connected', async () => {
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      services: { slack: { ok: true, state: 'listening', mode: 'http', port: h.service.port() } },
    });
  });
});

describe('/pattern', () => {
  it('answers in the ack, privately, with a Share button and no Web API call', async () => {
    const res = await h.command('saga');
    expect(res.status).toBe(200);
    const ack = (await res.json()) as Json;
    expect(ack.response_type).toBe('ephemeral');
    expect(headers(ack)).toEqual(['Saga Pattern']);
    expect(String(ack.text)).toContain('Saga Pattern');
    expect(button(ack, SHARE)?.value).toMatch(/^p1:/);
    expect(limitProblems(ack)).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it('shares the same card publicly under the sharer’s name and removes the private copy', async () => {
    const ack = (await (await h.command('random')).json()) as Json;
    const share = button(ack, SHARE);
    if (!share) throw new Error('no share button');
    const res = await h.click(share.action_id, share.value, true);
    expect(res.status).toBe(200);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(2));
    const [shared, removal] = h.fake.responsePosts.map((p) => p.body);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(headers(shared as Json)).toEqual(headers(ack)); // the same pattern, not a new random pick
    expect(JSON.stringify(shared)).toContain('Shared by <@U0CLICKER>');
    expect(button(shared as Json, SHARE)).toBeUndefined();
    expect(limitProblems(shared as Json)).toEqual([]);
    expect(removal).toEqual({ delete_original: true });
    expect(h.fake.calls).toEqual([]);
  });

  it('opens a layer of the card (More) in place on the private card', async () => {
    const ack = (await (await h.command('saga')).json()) as Json;
    const more = button(ack, VIEW);
    if (!more) throw new Error('no view button');
    await h.click(more.action_id, more.value, true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(1));
    const body = h.fake.responsePosts[0]?.body as Json;
    expect(body.replace_original).toBe(true);
    const action = decodeAction(more.value);
    expect(action).toEqual({ type: 'view', slug: 'saga-pattern', view: 'more' });
    expect(headers(body)).toEqual([`${bot.bySlug('saga-pattern')?.name}: more`]);
    expect(button(body, SHARE)).toBeDefined();
  });

  it('answers a click on a shared (public) card privately, leaving the shared card alone', async () => {
    await h.click('open_pattern:saga-pattern', 'saga-pattern', false);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(1));
    expect(h.fake.responsePosts[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
  });

  it('answers a tampered button value politely', async () => {
    await h.click('share_card', '{"k":"x"}', true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(1));
    expect(h.fake.responsePosts[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
  });

  // Typed literally, markup arrives escaped (`&lt;!channel&gt;`): decoded once, echoed escaped once.
  it.each([
    '&lt;!channel&gt;',
    '&lt;!here&gt;',
    '&lt;@U123&gt;',
    '&lt;!everyone&gt; &amp; &lt;https://evil.example|click&gt;',
  ])('escapes %s wherever it is echoed', async (text) => {
    const ack = shown(await (await h.command(`compare ${text} nothing`)).text());
    const again = shown(await (await h.command(text)).text());
    for (const body of [ack, again]) {
      expect(body).not.toMatch(/<[!@#]/);
      expect(body).not.toContain('<https');
      expect(body).not.toContain('&amp;lt;'); // escaped once, not twice
    }
    expect(again).toContain('&lt;');
  });

  // Real mentions arrive as markup: they become plain words, never markup again.
  it.each(['<!channel>', '<!here>', '<@U123>', '<!everyone> <https://evil.example|click>'])(
    'turns the mention %s into a plain word',
    async (text) => {
      const body = shown(await (await h.command(text)).text());
      expect(body).not.toMatch(/<[!@#]/);
      expect(body).not.toContain('<https');
    },
  );

  it('keeps echoed text escaped when the card is shared', async () => {
    const ack = (await (await h.command('&lt;!channel&gt; nothing like this')).json()) as Json;
    const share = button(ack, SHARE);
    await h.click(share?.action_id ?? '', share?.value ?? '', true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(2));
    const shared = JSON.stringify(h.fake.responsePosts[0]?.body);
    expect(shared).not.toContain('<!channel>');
    expect(shared).toContain('&lt;!channel&gt;');
  });

  it('answers 10,000 characters of emoji and right-to-left text within the limits', async () => {
    const text = '🧩 שלום עולם مرحبا '.repeat(600).slice(0, 10_000);
    const res = await h.command(text);
    expect(res.status).toBe(200);
    const ack = (await res.json()) as Json;
    expect(ack.response_type).toBe('ephemeral');
    expect(limitProblems(ack)).toEqual([]);
    expect(JSON.stringify(ack)).not.toContain('\\ud83e"'); // no half emoji at a cut
  });
});

describe('mentions and direct messages', () => {
  const mention = (text: string, ts: string, extra: Json = {}) => ({
    type: 'app_mention',
    user: 'U0ASKER',
    text,
    ts,
    channel: 'C0CHANNEL',
    event_ts: ts,
    ...extra,
  });

  it('answers a mention in a thread under the question, without the mention', async () => {
    const res = await h.event(mention(`<@${FAKE_BOT_USER_ID}> what is cqrs?`, '1700000000.000001'), 'Ev-m1');
    expect(res.status).toBe(200);
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    const { args, authorization } = h.fake.callsTo('chat.postMessage')[0] ?? { args: {} };
    expect(args).toMatchObject({ channel: 'C0CHANNEL', thread_ts: '1700000000.000001' });
    expect(headers(args as Json)[0]).toMatch(/CQRS/);
    expect(authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(args).not.toHaveProperty('link_names');
    expect(args).not.toHaveProperty('parse');
    expect(limitProblems(args as Json)).toEqual([]);
  });

  it('stays silent on a remark in a channel ("thanks!"), and still answers a question it cannot', async () => {
    await h.event(mention(`<@${FAKE_BOT_USER_ID}> thanks!`, '1700000000.000021'), 'Ev-q1');
    await h.event(mention(`<@${FAKE_BOT_USER_ID}> test`, '1700000000.000022'), 'Ev-q2');
    await h.event(mention(`<@${FAKE_BOT_USER_ID}> what is zanzibar?`, '1700000000.000023'), 'Ev-q3');
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.thread_ts)).toEqual(['1700000000.000023']);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('answers a mention inside a thread in that thread', async () => {
    await h.event(
      mention(`<@${FAKE_BOT_USER_ID}> saga`, '1700000000.000009', { thread_ts: '1700000000.000005' }),
      'Ev-m2',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    expect(h.fake.callsTo('chat.postMessage')[0]?.args.thread_ts).toBe('1700000000.000005');
  });

  it('escapes injection text echoed from a mention', async () => {
    await h.event(
      mention(`<@${FAKE_BOT_USER_ID}> compare &lt;!channel&gt; nothing <!here> <@U123>`, '1700000000.000011'),
      'Ev-m3',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    const sent = JSON.stringify(h.fake.callsTo('chat.postMessage')[0]?.args);
    expect(sent).not.toMatch(/<[!@#]/);
    expect(sent).toContain('&lt;!channel&gt;');
  });

  it('answers a direct message in the DM, and ignores bot messages and edits', async () => {
    const dm = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'U0ASKER',
      ts: '1700000000.000020',
    };
    await h.event({ ...dm, text: 'bot', bot_id: 'B0OTHER' }, 'Ev-d0');
    await h.event({ ...dm, subtype: 'message_changed', message: { text: 'saga' } }, 'Ev-d1');
    await h.event({ ...dm, text: 'circuit braker' }, 'Ev-d2');
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [call] = h.fake.callsTo('chat.postMessage');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(call?.args.channel).toBe('D0DM');
    expect(call?.args).not.toHaveProperty('thread_ts');
    expect(headers(call?.args as Json)[0]).toMatch(/Circuit Breaker/);
  });

  it('answers a retried event once, and a first-seen retry still gets its answer', async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}> saga`, '1700000000.000030');
    await h.event(event, 'Ev-retry');
    await h.event(event, 'Ev-retry', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await h.event(event, 'Ev-retry', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    const fresh = mention(`<@${FAKE_BOT_USER_ID}> cqrs`, '1700000000.000031');
    await h.event(fresh, 'Ev-first-seen-as-retry', { 'x-slack-retry-num': '1' });
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.thread_ts)).toEqual([
      '1700000000.000030',
      '1700000000.000031',
    ]);
  });

  it('publishes the Home tab: today’s pattern and the catalog by category', async () => {
    await h.event(
      { type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'home', event_ts: '1700000000.1' },
      'Ev-home',
    );
    await eventually(() => expect(h.fake.callsTo('views.publish')).toHaveLength(1));
    const args = h.fake.callsTo('views.publish')[0]?.args ?? {};
    const view = args.view as Json;
    expect(args.user_id).toBe('U0ASKER');
    expect(view.type).toBe('home');
    const today = bot.todayAnswer(NOW.toISOString().slice(0, 10));
    expect(headers(view)).toEqual([today.pattern.name, 'All patterns, by category']);
    expect(JSON.stringify(view)).not.toContain(SHARE);
    expect(limitProblems(view, 100)).toEqual([]);
  });
});

describe('Slack Web API failures', () => {
  const ask = (id: string) =>
    h.event(
      { type: 'app_mention', user: 'U0ASKER', text: 'saga', ts: '1700000000.5', channel: 'C0PRIVATE' },
      id,
    );

  it.each([
    ['not_in_channel', { error: 'not_in_channel' }, NOT_IN_CHANNEL],
    ['channel_not_found', { error: 'channel_not_found' }, NOT_IN_CHANNEL],
    ['http_error', { status: 500 }, SORRY],
    ['rate_limited', { status: 429, retryAfter: 0 }, RATE_LIMITED],
  ] as const)(
    '%s: logged with context, the asker told plainly, the process alive',
    async (code, failure, message) => {
      h.fake.failNext('chat.postMessage', failure);
      await ask(`Ev-fail-${code}`);
      await eventually(() => expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1));
      expect(h.fake.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({
        channel: 'C0PRIVATE',
        user: 'U0ASKER',
      });
      expect(String(h.fake.callsTo('chat.postEphemeral')[0]?.args.text)).toContain(message);
      expect(h.logs).toContainEqual(
        expect.objectContaining({ slackError: code, channel: 'C0PRIVATE', msg: 'could not post the answer' }),
      );
      expect(JSON.stringify(h.logs)).not.toContain(BOT_TOKEN);
      expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    },
  );

  it('logs when even the apology fails, and keeps serving', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    h.fake.failNext('chat.postEphemeral', { error: 'not_in_channel' });
    await ask('Ev-fail-twice');
    await eventually(() =>
      expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'could not tell the asker either' })),
    );
    expect((await h.command('saga')).status).toBe(200);
  });

  it('keeps a share that worked when only removing the private copy fails', async () => {
    const ack = (await (await h.command('saga')).json()) as Json;
    h.fake.failResponsePosts(200, 404);
    const share = button(ack, SHARE);
    await h.click(share?.action_id ?? '', share?.value ?? '', true);
    await eventually(() =>
      expect(h.logs).toContainEqual(
        expect.objectContaining({ msg: 'share: could not remove the private copy', status: 404 }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.fake.responsePosts.map((p) => p.body.response_type ?? 'delete')).toEqual([
      'in_channel',
      'delete',
    ]);
  });

  it('tells the clicker when the response_url refuses the share', async () => {
    const ack = (await (await h.command('saga')).json()) as Json;
    const share = button(ack, SHARE);
    await h.click(share?.action_id ?? '', share?.value ?? '', true, `${h.base}/nowhere`);
    await eventually(() =>
      expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'share: could not tell the user' })),
    );
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });
});

describe('the daily poster (the daily port)', () => {
  const options = { idempotencyKey: deliveryKey('slack', 'C0DAILY', '2025-03-14'), maybeSentBefore: false };

  it('posts the card to a channel, with its idempotency key as metadata, and returns its ts', async () => {
    const today = answerToCard(bot.todayAnswer('2025-03-14'));
    expect(await h.service.poster.post('C0DAILY', today, options)).toEqual({
      messageId: expect.stringMatching(/^\d+\.\d+$/),
    });
    const [call] = h.fake.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({
      channel: 'C0DAILY',
      unfurl_links: 'false', // form-encoded
      metadata: {
        event_type: 'pattern_of_the_day',
        event_payload: { idempotency_key: options.idempotencyKey },
      },
    });
    expect(headers(call?.args as Json)).toEqual([bot.todayAnswer('2025-03-14').pattern.name]);
    expect(JSON.stringify(call?.args)).not.toContain(SHARE);
    expect(limitProblems(call?.args as Json)).toEqual([]);
  });

  it('starts the discussion thread under the post with the core’s starter card', async () => {
    const starter = {
      tone: 'plain',
      blocks: [{ type: 'text', text: ['Discuss ', { strong: 'it' }, ' & more'] }],
      groups: [],
    } as const;
    const { messageId } = await h.service.poster.post(
      'C0DAILY',
      answerToCard(bot.todayAnswer('2025-03-14')),
      {
        ...options,
        thread: { name: 'x', starter },
      },
    );
    const [, thread] = h.fake.callsTo('chat.postMessage');
    expect(thread?.args).toMatchObject({
      channel: 'C0DAILY',
      thread_ts: messageId,
      text: 'Discuss it &amp; more',
    });
  });

  it('turns Web API errors into PostErrors: permanent or retryable', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await expect(
      h.service.poster.post('C0DAILY', answerToCard(bot.todayAnswer('2025-03-14')), options),
    ).rejects.toMatchObject({ name: 'PostError', kind: 'permanent', code: 'not_in_channel' });
    h.fake.failNext('chat.postMessage', { status: 500 });
    await expect(
      h.service.poster.post('C0DAILY', answerToCard(bot.todayAnswer('2025-03-14')), options),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('checks whether it can post, in neutral reasons', async () => {
    expect(await h.service.poster.checkCanPost('C0DAILY')).toEqual({ ok: true });
    h.fake.notMemberOf.add('C0OUT');
    expect(await h.service.poster.checkCanPost('C0OUT')).toEqual({ ok: false, reason: 'not-in-channel' });
    h.fake.failNext('conversations.info', { error: 'missing_scope' });
    expect(await h.service.poster.checkCanPost('C0DAILY')).toEqual({ ok: false, reason: 'missing-scope' });
  });
});

/** The real conversation, each answer held back `ms` (a slow catalog or store). */
function slowConversation(base: Conversation, ms: number): Conversation {
  const delay = <T>(value: Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
  const ask: Conversation['ask'] = (input) => delay(base.ask(input));
  return {
    ...base,
    ask,
    async askWithin(input, budgetMs) {
      const pending = ask(input);
      const early = await Promise.race([
        pending,
        new Promise<undefined>((r) => setTimeout(() => r(undefined), budgetMs)),
      ]);
      return early ? { card: early } : { later: pending };
    },
  };
}

describe('a slow answer behind /pattern', () => {
  let slow: Harness;
  beforeAll(async () => {
    slow = await startHarness({
      conversation: (logger) => slowConversation(testConversation(bot, logger), 300),
      ackBudgetMs: 50,
    });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('acks within the budget with the working card, then replaces it with the answer', async () => {
    const res = await slow.command('saga');
    const ack = (await res.json()) as Json;
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
    await eventually(() => expect(slow.fake.responsePosts).toHaveLength(1));
    const body = slow.fake.responsePosts[0]?.body as Json;
    expect(body.replace_original).toBe(true);
    expect(headers(body)).toEqual(['Saga Pattern']);
    expect(button(body, SHARE)).toBeDefined();
  });
});

describe('a bug behind /pattern', () => {
  let broken: Harness;
  beforeAll(async () => {
    const failing = new Proxy(realBot(), {
      get(target, key, receiver) {
        if (key === 'parse') {
          return () => {
            throw new Error('internal detail that must not reach users');
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
    broken = await startHarness({ conversation: (logger) => testConversation(failing, logger) });
  });
  afterAll(async () => {
    await broken.close();
  });

  it('answers the conversation’s fixed failure card, never the error text', async () => {
    const res = await broken.command('saga');
    expect(res.status).toBe(200);
    const ack = JSON.stringify(await res.json());
    expect(ack).toContain(SORRY);
    expect(ack).not.toContain('internal detail');
    expect(broken.logs).toContainEqual(expect.objectContaining({ msg: 'answering failed' }));
  });

  it('answers a mention with the failure card too', async () => {
    await broken.event(
      { type: 'app_mention', user: 'U0ASKER', text: 'saga', ts: '1700000000.7', channel: 'C0CHANNEL' },
      'Ev-bug',
    );
    await eventually(() => expect(broken.fake.callsTo('chat.postMessage')).toHaveLength(1));
    expect(String(broken.fake.callsTo('chat.postMessage')[0]?.args.text)).toContain(SORRY);
  });
});
