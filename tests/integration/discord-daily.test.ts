import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordService, type DiscordService } from '../../src/adapters/discord/discord-client.js';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { createDaily, type Daily } from '../../src/daily/create-daily.js';
import type { DailyScheduler } from '../../src/daily/daily-scheduler.js';
import { deliveryKey, discordNonce } from '../../src/daily/poster.js';
import type { DiagramCache } from '../../src/diagrams/diagram-images.js';
import { createLogger } from '../../src/logger.js';
import { FakeClock, tempDatabase } from '../daily/fakes.js';
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, slashCommand } from '../fakes/discord-payloads.js';
import {
  APPLICATION_ID,
  BOT_TOKEN,
  CHANNEL_ID,
  FakeDiscord,
  type FakeResponse,
  GUILD_ID,
  type RecordedRequest,
} from '../fakes/fake-discord.js';
import { realBot } from '../helpers/catalog.js';
import { realDiagramCache } from '../helpers/diagrams.js';

/**
 * The Discord adapter, the conversation and the daily engine wired as createApp wires them (store →
 * conversation → adapter → scheduler over its poster), against the fake Discord.
 */
let fake: FakeDiscord;
let service: DiscordService;
let clock: FakeClock;
let db: ReturnType<typeof tempDatabase>;
let daily: { store: Daily['store']; scheduler: DailyScheduler };
let diagrams: DiagramCache;

beforeAll(async () => {
  diagrams = await realDiagramCache();
});

beforeEach(async () => {
  clock = new FakeClock(new Date('2026-11-25T06:00:00Z'));
  db = tempDatabase();
  fake = await FakeDiscord.start();
  const logger = createLogger('silent');
  const engine = createDaily({
    config: { databasePath: db.path, dailyDefaultTimeZone: 'UTC' },
    platforms: ['discord'],
    bot: realBot(),
    logger,
    clock: clock.now,
    scheduler: { tickPattern: null, retry: { attempts: 3, baseMs: 1 } },
  });
  const conversation = createConversation({
    bot: realBot(),
    logger,
    clock: clock.now,
    defaultTimeZone: 'UTC',
    daily: engine.commands,
  });
  service = createDiscordService({
    config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
    conversation,
    logger,
    diagrams,
  });
  daily = { store: engine.store, scheduler: engine.scheduler([service.poster]) };
  await service.start();
  await daily.scheduler.start();
  const deadline = Date.now() + 5000;
  while (service.health().guilds !== 1) {
    if (Date.now() > deadline) throw new Error('the fake guild never arrived');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});

afterEach(async () => {
  await daily.scheduler.stop();
  await service.stop();
  await fake.close();
  daily.store.close();
  db.cleanup();
});

const channelPosts = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`);

async function command(query: string, permissions = MANAGER_PERMISSIONS) {
  const sent = slashCommand(fake, { query, permissions });
  const callback = await fake.callback(sent.id, sent.token);
  return callback.body as {
    type: number;
    data: { embeds?: { title?: string; description?: string }[]; flags?: number };
  };
}

describe('pattern of the day on Discord', () => {
  it('subscribes through /pattern, posts at 09:00 Berlin once, with a nonce, and reports status', async () => {
    const on = await command('daily on 09:00 Europe/Berlin');
    expect(JSON.stringify(on.data.embeds)).toContain('09:00');

    clock.set('2026-11-25T07:59:00Z');
    await daily.scheduler.tick();
    expect(channelPosts(fake.requests)).toHaveLength(0);

    clock.set('2026-11-25T08:00:00Z');
    await daily.scheduler.tick();
    clock.set('2026-11-25T08:01:00Z');
    await daily.scheduler.tick();
    const posts = channelPosts(fake.requests);
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body as {
      nonce: string;
      enforce_nonce: boolean;
      embeds: { title: string; author?: { name: string } }[];
      allowed_mentions?: unknown;
    };
    expect(body.nonce).toBe(discordNonce(deliveryKey('discord', CHANNEL_ID, '2026-11-25')));
    expect(body.enforce_nonce).toBe(true);
    expect(body.embeds[0]?.author?.name).toBe('Pattern of the day · 2026-11-25');
    expect(body.embeds[0]?.title).toContain(realBot().patternOfTheDay('2026-11-25').name);

    const status = await command('daily');
    expect(JSON.stringify(status.data.embeds)).toContain('Europe/Berlin');
  });

  it('refuses members without Manage Channels', async () => {
    const refused = await command('daily on', MEMBER_PERMISSIONS);
    expect(JSON.stringify(refused.data.embeds)).toMatch(/Manage Channels/);
    expect(await daily.store.getSubscription('discord', CHANNEL_ID)).toBeUndefined();
  });

  /** Subscribes for 07:00 UTC, makes the next `times` channel posts fail with `response`, and ticks at 07:00. */
  async function deliverFailing(response: FakeResponse, times: number) {
    await command('daily on 07:00 UTC');
    fake.fault(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
      response,
      times,
    );
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
  }

  it('retries a 500 and posts once', async () => {
    await deliverFailing({ status: 500, body: { message: 'boom', code: 0 } }, 1);
    const delivered = fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL_ID}/messages`),
    );
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    expect((await daily.store.getSubscription('discord', CHANNEL_ID))?.enabled).toBe(true);
    expect(
      (await daily.store.getDelivery({ platform: 'discord', channelId: CHANNEL_ID, localDate: '2026-11-25' }))
        ?.status,
    ).toBe('sent');
  });

  it('disables the subscription when the channel is gone', async () => {
    await deliverFailing({ status: 404, body: { message: 'Unknown Channel', code: 10003 } }, 5);
    const subscription = await daily.store.getSubscription('discord', CHANNEL_ID);
    expect(subscription?.enabled).toBe(false);
    expect(subscription?.disabledReason).toMatch(/10003|Unknown Channel/);
  });

  it('starts a discussion thread on the post when the channel asked for one', async () => {
    await command('daily on 07:00 UTC thread');
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
    const threads = fake.requests.filter(
      (r) => r.method === 'POST' && /\/messages\/\d+\/threads$/.test(r.path),
    );
    expect(threads).toHaveLength(1);
    expect((threads[0]?.body as { name?: string } | undefined)?.name).toBe(
      `${realBot().patternOfTheDay('2026-11-25').name} · 2026-11-25`,
    );
  });
});

describe('daily on diagram on Discord', () => {
  it('uploads the picture with the post (multipart), the embed showing it, its alt text as the description', async () => {
    const on = await command('daily on 07:00 UTC diagram');
    expect(on.data.embeds?.[0]?.description).toContain('Diagram in the post: on.');
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
    const [post] = channelPosts(fake.requests);
    const today = realBot().patternOfTheDay('2026-11-25');
    expect(post?.headers['content-type']).toMatch(/^multipart\/form-data/);
    const body = post?.body as {
      nonce?: string;
      embeds?: { image?: { url: string } }[];
      attachments?: { id: number; description: string }[];
    };
    expect(body.nonce).toBeDefined();
    expect(body.embeds?.[0]?.image).toEqual({ url: `attachment://${today.slug}.png` });
    expect(body.attachments).toEqual([
      { id: 0, description: expect.stringContaining(`Diagram of ${today.name}.`) },
    ]);
    expect(post?.files).toEqual([
      {
        field: 'files[0]',
        name: `${today.slug}.png`,
        type: 'image/png',
        bytes: Buffer.from(diagrams.get(today.slug)?.png ?? []),
      },
    ]);
  });

  it('without Attach Files in the channel, posts the text diagram instead, and the delivery counts', async () => {
    await command('daily on 07:00 UTC diagram');
    fake.fault(
      (r) =>
        r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages` && r.files !== undefined,
      { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
    );
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
    const posts = channelPosts(fake.requests);
    expect(posts.map((p) => p.files === undefined)).toEqual([false, true]);
    const fallback = posts[1]?.body as { embeds?: { description?: string; image?: unknown }[] };
    expect(fallback.embeds?.[0]?.image).toBeUndefined();
    expect(fallback.embeds?.[0]?.description).toContain('```');
    expect((await daily.store.getSubscription('discord', CHANNEL_ID))?.enabled).toBe(true);
    expect(
      (await daily.store.getDelivery({ platform: 'discord', channelId: CHANNEL_ID, localDate: '2026-11-25' }))
        ?.status,
    ).toBe('sent');
  });

  it('posts without a picture, as JSON, when the channel did not ask for one', async () => {
    await command('daily on 07:00 UTC');
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
    const [post] = channelPosts(fake.requests);
    expect(post?.headers['content-type']).toMatch(/^application\/json/);
    expect(post?.files).toBeUndefined();
  });
});

describe('daily on where the bot may not post', () => {
  it('names the missing permission (from the neutral CanPost) and does not subscribe', async () => {
    // Deny Send Messages to @everyone in the channel: the bot's roles no longer carry it there.
    fake.dispatch('CHANNEL_UPDATE', {
      id: CHANNEL_ID,
      type: 0,
      name: 'general',
      guild_id: GUILD_ID,
      position: 0,
      permission_overwrites: [{ id: GUILD_ID, type: 0, allow: '0', deny: '2048' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await service.poster.checkCanPost(CHANNEL_ID)).toEqual({
      ok: false,
      reason: 'missing-permissions',
      missing: ['Send Messages'],
    });
    const on = await command('daily on');
    expect(JSON.stringify(on.data.embeds)).toContain('Send Messages');
    expect(await daily.store.getSubscription('discord', CHANNEL_ID)).toBeUndefined();
  });
});
