import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/card/action.js';
import { discordNonce } from '../../../src/daily/poster.js';
import { autocomplete, button, MANAGER_PERMISSIONS, slashCommand } from '../../fakes/discord-payloads.js';
import { BOB, BOT_TOKEN, type RecordedRequest } from '../../fakes/fake-discord.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';
import { type Harness, realConversation, startHarness } from './harness.js';

interface Callback {
  type: number;
  data?: {
    flags?: number;
    content?: string;
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    components?: {
      type: number;
      components: { type: number; custom_id?: string; label?: string; style?: number }[];
    }[];
    allowed_mentions?: { parse?: string[]; users?: string[]; replied_user?: boolean };
    choices?: { name: string; value: string }[];
  };
}

const EPHEMERAL = 64;
const body = (request: RecordedRequest) => request.body as Callback;
const customIds = (callback: Callback) =>
  (callback.data?.components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

const show = (slug: string) => encodeAction({ type: 'show', slug }) ?? '';
const share = (slug: string) =>
  encodeAction({ type: 'share', ref: { k: 'pattern', slug, source: 'lookup' } }) ?? '';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
/** What the adapter told the conversation, without the lazy callbacks. */
const lastAsked = () => {
  const { canManageChannel: _m, canPost: _p, ...input } = h.asked.at(-1) ?? { text: '', platform: 'discord' };
  return input;
};
afterAll(async () => h?.close());

describe('connecting', () => {
  it('identifies with Guilds, GuildMessages and DirectMessages only (no privileged MessageContent)', () => {
    const identify = h.fake.identifies[0] as { intents: number; token: string };
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(identify.token).toBe(BOT_TOKEN);
  });

  it('reports the gateway state as connected', () => {
    expect(h.service.health()).toMatchObject({ ok: true, state: 'connected', guilds: 1 });
  });
});

describe('/pattern', () => {
  it('replies publicly with the pattern card, within limits, pinging nobody', async () => {
    const i = slashCommand(h.fake, { query: 'saga' });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.embeds?.[0]?.title).toBe('Saga Pattern');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    // The layered card: its More, Diagram and Compare-with buttons.
    expect(customIds(callback)).toContain(encodeAction({ type: 'view', slug: 'saga-pattern', view: 'more' }));
    // Shown publicly: no Share button of its own.
    expect(customIds(callback)).not.toContain(share('saga-pattern'));
    expectWithinDiscordLimits(callback.data ?? {});
    expect(lastAsked()).toEqual({
      text: 'saga',
      platform: 'discord',
      channelId: '300000000000000001',
      userId: '100000000000000001',
      workspaceId: '200000000000000001',
      place: 'channel',
      surface: 'slash',
    });
  });

  it('hands the conversation lazy callbacks: Manage Channels of the member, and whether the bot can post', async () => {
    const i = slashCommand(h.fake, { query: 'list', permissions: MANAGER_PERMISSIONS });
    await h.fake.callback(i.id, i.token);
    const input = h.asked.at(-1);
    expect(await input?.canManageChannel?.()).toBe(true);
    expect(await input?.canPost?.()).toEqual({ ok: true });
    const j = slashCommand(h.fake, { query: 'list' });
    await h.fake.callback(j.id, j.token);
    expect(await h.asked.at(-1)?.canManageChannel?.()).toBe(false);
  });

  it('private: true makes the reply ephemeral, with the card’s Share button first', async () => {
    const i = slashCommand(h.fake, { query: 'compare cqrs event sourcing', private: true });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('CQRS Pattern vs Event Sourcing Pattern');
    const first = callback.data?.components?.[0]?.components[0];
    expect(first).toMatchObject({ style: 3, label: 'Share in channel' });
    expect(first?.custom_id).toMatch(/^p1:\["s","c"/);
  });

  it('user: addresses the answer and allows pinging only that user', async () => {
    const i = slashCommand(h.fake, { query: 'cqrs', user: BOB });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.content).toBe(`For <@${BOB.id}>`);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], users: [BOB.id] });
  });

  it('a remembered card is never given to the wrong addressee', async () => {
    const replyTo = async (user?: typeof BOB) => {
      const i = slashCommand(h.fake, { query: 'outbox', ...(user ? { user } : {}) });
      return body(await h.fake.callback(i.id, i.token)).data;
    };
    const forBob = await replyTo(BOB);
    const plain = await replyTo();
    const forBobAgain = await replyTo(BOB);
    expect(forBob?.content).toBe(`For <@${BOB.id}>`);
    expect(plain?.content).toBeUndefined();
    expect(plain?.allowed_mentions).toEqual({ parse: [] });
    expect(forBobAgain).toEqual(forBob);
    expect(plain?.embeds).toEqual(forBob?.embeds);
  });

  it('answers the longest text Discord allows (6,000 characters of markdown and emoji) politely', async () => {
    const text = '**@everyone** <@&400000000000000001> 🙂 `x` '.repeat(200).slice(0, 6000);
    const i = slashCommand(h.fake, { query: text });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(JSON.stringify(callback.data)).not.toContain('@everyone');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expectWithinDiscordLimits(callback.data ?? {});
  });

  it('echoes `daily on [Claim your prize](https://evil.example)` in a DM without a clickable link', async () => {
    const i = slashCommand(h.fake, { query: 'daily on [Claim your prize](https://evil.example)', dm: true });
    const callback = body(await h.fake.callback(i.id, i.token));
    const text = JSON.stringify(callback.data);
    expect(text).not.toContain('](https://evil');
    expect(text).not.toMatch(/[^\\]\[Claim your prize\]\(/);
    expect(text).not.toContain('https://evil');
  });

  it('works in a DM with the bot (no guild, no member): place dm', async () => {
    const i = slashCommand(h.fake, { query: 'sharding', dm: true });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.embeds?.[0]?.title).toBe('Sharding Pattern');
    expect(lastAsked()).toEqual({
      text: 'sharding',
      platform: 'discord',
      channelId: '300000000000000009',
      userId: '100000000000000001',
      place: 'dm',
      surface: 'slash',
    });
  });

  it('help, list and not-found answer with their cards', async () => {
    for (const [query, title] of [
      ['help', 'How to use /pattern'],
      ['list', 'All patterns, by category'],
      ['pizza', 'No pattern matches “pizza”'],
    ] as const) {
      const i = slashCommand(h.fake, { query });
      const callback = body(await h.fake.callback(i.id, i.token));
      expect(callback.data?.embeds?.[0]?.title).toBe(title);
      expectWithinDiscordLimits(callback.data ?? {});
    }
  });
});

describe('autocomplete', () => {
  it('answers with the conversation’s completions (type 8)', async () => {
    const i = autocomplete(h.fake, 'sag');
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(8);
    expect(callback.data?.choices?.[0]).toMatchObject({ value: 'saga-pattern' });
    expect(callback.data?.choices?.length).toBeLessThanOrEqual(25);
  });

  it('answers an empty and an over-long value within the limits', async () => {
    for (const value of ['', 'y'.repeat(6000)]) {
      const i = autocomplete(h.fake, value);
      const callback = body(await h.fake.callback(i.id, i.token));
      expect(callback.type).toBe(8);
      expect(callback.data?.choices?.length).toBeLessThanOrEqual(25);
      for (const choice of callback.data?.choices ?? []) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('buttons', () => {
  it('show: the pattern, ephemerally to the clicker, with the card’s Share button', async () => {
    const i = button(h.fake, show('outbox-pattern'), BOB);
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('Outbox Pattern');
    expect(customIds(callback)[0]).toBe(share('outbox-pattern'));
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('a button of the release before the codec still shows its pattern', async () => {
    const i = button(h.fake, 'pattern:show:outbox-pattern', BOB);
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('Outbox Pattern');
  });

  it('share: posts the card publicly, saying who shared it without pinging', async () => {
    const i = button(h.fake, share('outbox-pattern'), BOB, true);
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.content).toBe(`Shared by <@${BOB.id}>`);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(callback)).not.toContain(share('outbox-pattern'));
  });

  it('share works for every card: a comparison shown privately, then shared', async () => {
    const i = slashCommand(h.fake, { query: 'compare cqrs saga', private: true });
    const shown = body(await h.fake.callback(i.id, i.token));
    const shareId = customIds(shown)[0] ?? '';
    const j = button(h.fake, shareId, BOB, true);
    const shared = body(await h.fake.callback(j.id, j.token));
    expect(shared.data?.flags ?? 0).toBe(0);
    expect(shared.data?.embeds?.[0]?.title).toBe(shown.data?.embeds?.[0]?.title);
    expect(shared.data?.content).toBe(`Shared by <@${BOB.id}>`);
  });

  it('the layered card: More, Diagram and Compare with… open privately, and a compare from there', async () => {
    const view = (name: 'more' | 'diagram' | 'compare-with') =>
      encodeAction({ type: 'view', slug: 'saga-pattern', view: name }) ?? '';
    const titles: string[] = [];
    for (const name of ['more', 'diagram', 'compare-with'] as const) {
      const i = button(h.fake, view(name));
      const shown = body(await h.fake.callback(i.id, i.token));
      expect(shown.data?.flags).toBe(EPHEMERAL);
      expectWithinDiscordLimits(shown.data ?? {});
      titles.push(shown.data?.embeds?.[0]?.title ?? '');
    }
    expect(titles).toEqual(['Saga Pattern: more', 'Saga Pattern: diagram', 'Compare Saga Pattern with…']);
    const i = button(
      h.fake,
      encodeAction({ type: 'compare', slugs: ['saga-pattern', 'outbox-pattern'] }) ?? '',
    );
    const compared = body(await h.fake.callback(i.id, i.token));
    expect(compared.data?.embeds?.[0]?.title).toBe('Saga Pattern vs Outbox Pattern');
    expect(compared.data?.embeds?.[0]?.fields?.map((f) => f.name)).toContain('Failure modes');
  });

  it('a pattern gone from the catalog gets an ephemeral notice', async () => {
    const i = button(h.fake, show('gone-pattern'));
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('That pattern is no longer in the catalog');
  });

  it('a custom_id that is not ours gets an ephemeral notice, never silence', async () => {
    const i = button(h.fake, 'click_me');
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('That button no longer works');
  });
});

describe('the daily poster', () => {
  it('posts a card to the channel with the nonce enforced', async () => {
    const today = await realConversation().ask({ text: 'today', platform: 'console' });
    const sent = await h.service.poster.post('300000000000000042', today, {
      idempotencyKey: 'daily:discord:300000000000000042:2025-03-14',
      maybeSentBefore: false,
    });
    expect(sent.messageId).toMatch(/^\d+$/);
    const post = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === '/api/v10/channels/300000000000000042/messages',
    );
    expect(post.body).toMatchObject({
      nonce: discordNonce('daily:discord:300000000000000042:2025-03-14'),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
      embeds: [{ author: { name: 'Pattern of the day · 2025-03-14' } }],
    });
    expect(post.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
  });

  it('sorts a REST error into a permanent PostError', async () => {
    h.fake.fault((r) => r.path === '/api/v10/channels/300000000000000043/messages', {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const today = await realConversation().ask({ text: 'today', platform: 'console' });
    await expect(
      h.service.poster.post('300000000000000043', today, { idempotencyKey: 'k', maybeSentBefore: false }),
    ).rejects.toMatchObject({ name: 'PostError', kind: 'permanent', code: '50001' });
  });

  it('makes one attempt: a 500 is not retried by discord.js, a 429 is not waited out (the engine retries)', async () => {
    const today = await realConversation().ask({ text: 'today', platform: 'console' });
    const path = (id: string) => `/api/v10/channels/${id}/messages`;
    h.fake.fault(
      (r) => r.path === path('300000000000000045'),
      { status: 500, body: { message: 'oops', code: 0 } },
      5,
    );
    await expect(
      h.service.poster.post('300000000000000045', today, { idempotencyKey: 'k5', maybeSentBefore: false }),
    ).rejects.toMatchObject({ name: 'PostError', kind: 'retryable' });
    expect(h.fake.requests.filter((r) => r.path === path('300000000000000045'))).toHaveLength(1);
    h.fake.fault(
      (r) => r.path === path('300000000000000046'),
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 30, global: false },
        headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
      },
      5,
    );
    const started = Date.now();
    await expect(
      h.service.poster.post('300000000000000046', today, { idempotencyKey: 'k6', maybeSentBefore: false }),
    ).rejects.toMatchObject({ name: 'PostError', kind: 'retryable', code: 'rate_limited' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(h.fake.requests.filter((r) => r.path === path('300000000000000046'))).toHaveLength(1);
  });

  it('checkCanPost: a channel the bot cannot see, in neutral terms', async () => {
    h.fake.fault((r) => r.method === 'GET' && r.path === '/api/v10/channels/300000000000000044', {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    expect(await h.service.poster.checkCanPost('300000000000000044')).toEqual({
      ok: false,
      reason: 'cannot-see',
    });
  });
});
