import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsk } from '../../../src/ask.js';
import { autocomplete, button, MANAGER_PERMISSIONS, slashCommand } from '../../fakes/discord-payloads.js';
import { APPLICATION_ID, BOB, BOT_TOKEN, type RecordedRequest } from '../../fakes/fake-discord.js';
import { realBot } from '../../helpers/catalog.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';
import { type Harness, startHarness } from './harness.js';

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

const realAsk = createAsk(realBot());
let h: Harness;
let asked: { text: string; context: unknown }[] = [];
beforeAll(async () => {
  h = await startHarness({
    ask: async (text, context) => {
      asked.push({ text, context });
      return realAsk(text, context);
    },
  });
});
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
    asked = [];
    const i = slashCommand(h.fake, { query: 'saga' });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.embeds?.[0]?.title).toBe('Saga Pattern');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(callback)).toContain('pattern:show:outbox-pattern');
    expectWithinDiscordLimits(callback.data ?? {});
    expect(asked).toEqual([
      {
        text: 'saga',
        context: {
          platform: 'discord',
          channelId: '300000000000000001',
          userId: '100000000000000001',
          workspaceId: '200000000000000001',
          canManageChannel: false,
        },
      },
    ]);
  });

  it('tells ask when the member can manage the channel', async () => {
    asked = [];
    const i = slashCommand(h.fake, { query: 'list', permissions: MANAGER_PERMISSIONS });
    await h.fake.callback(i.id, i.token);
    expect(asked[0]?.context).toMatchObject({ canManageChannel: true });
  });

  it('private: true makes the reply ephemeral', async () => {
    const i = slashCommand(h.fake, { query: 'compare cqrs event sourcing', private: true });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('CQRS Pattern vs Event Sourcing Pattern');
  });

  it('user: addresses the answer and allows pinging only that user', async () => {
    const i = slashCommand(h.fake, { query: 'cqrs', user: BOB });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.content).toBe(`For <@${BOB.id}>`);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], users: [BOB.id] });
  });

  it('a remembered reply is never given to the wrong addressee: the user is part of the key', async () => {
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
    expect(callback.data?.embeds?.[0]?.title).toMatch(/^No pattern matches/);
    expect(callback.data?.embeds?.[0]?.title).not.toContain('@everyone');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expectWithinDiscordLimits(callback.data ?? {});
  });

  it('works in a DM with the bot (no guild, no member)', async () => {
    asked = [];
    const i = slashCommand(h.fake, { query: 'sharding', dm: true });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.embeds?.[0]?.title).toBe('Sharding Pattern');
    expect(asked[0]?.context).toEqual({
      platform: 'discord',
      channelId: '300000000000000009',
      userId: '100000000000000001',
      canManageChannel: false,
    });
  });

  it('help, list and not-found answer with their embeds', async () => {
    for (const [query, title] of [
      ['help', '/pattern <query>'],
      ['list', 'All patterns, by category'],
      ['pizza', 'No pattern matches "pizza"'],
    ] as const) {
      const i = slashCommand(h.fake, { query });
      const callback = body(await h.fake.callback(i.id, i.token));
      expect(callback.data?.embeds?.[0]?.title).toBe(title);
      expectWithinDiscordLimits(callback.data ?? {});
    }
  });
});

describe('autocomplete', () => {
  it('answers with ranked choices (type 8)', async () => {
    const i = autocomplete(h.fake, 'sag');
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(8);
    expect(callback.data?.choices?.[0]).toEqual({ name: '06 Saga Pattern', value: 'saga-pattern' });
    expect(callback.data?.choices?.length).toBeLessThanOrEqual(25);
  });

  it('answers an empty and an over-long value within the limits', async () => {
    for (const value of ['', 'y'.repeat(6000)]) {
      const i = autocomplete(h.fake, value);
      const callback = body(await h.fake.callback(i.id, i.token));
      expect(callback.type).toBe(8);
      expect(callback.data?.choices?.length).toBeLessThanOrEqual(25);
    }
  });
});

describe('buttons', () => {
  it('show: the pattern, ephemerally to the clicker, with their own Share button', async () => {
    const i = button(h.fake, 'pattern:show:outbox-pattern', BOB);
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('Outbox Pattern');
    expect(customIds(callback)[0]).toBe('pattern:share:outbox-pattern');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('share: posts the pattern publicly, saying who shared it without pinging', async () => {
    const i = button(h.fake, 'pattern:share:outbox-pattern', BOB, true);
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.content).toBe(`Shared by <@${BOB.id}>`);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(callback)).not.toContain('pattern:share:outbox-pattern');
  });

  it('an unknown slug gets an ephemeral notice', async () => {
    const i = button(h.fake, 'pattern:show:gone-pattern');
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('That pattern is no longer in the catalog');
  });
});

describe('sendAnswer (pattern of the day)', () => {
  it('posts the card to the channel with the nonce enforced', async () => {
    const sent = await h.service.sendAnswer('300000000000000042', realBot().todayAnswer('2025-03-14'), {
      nonce: 'daily-2025-03-14',
    });
    expect(sent.messageId).toMatch(/^\d+$/);
    const post = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === '/api/v10/channels/300000000000000042/messages',
    );
    expect(post.body).toMatchObject({
      nonce: 'daily-2025-03-14',
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
      embeds: [{ author: { name: 'Pattern of the day · 2025-03-14' }, title: 'Event Sourcing Pattern' }],
    });
    expect(post.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
  });

  it('lets a REST error propagate', async () => {
    h.fake.fault((r) => r.path === '/api/v10/channels/300000000000000043/messages', {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    await expect(
      h.service.sendAnswer('300000000000000043', realBot().todayAnswer('2025-03-14')),
    ).rejects.toThrow(/Missing Access/);
  });
});

describe('the application', () => {
  it('is the one READY named', () => {
    expect(h.service.client.application?.id).toBe(APPLICATION_ID);
  });
});
