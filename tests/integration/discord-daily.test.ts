import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordDailyPoster } from '../../src/adapters/discord/daily-poster.js';
import { createDaily, type Daily } from '../../src/daily/create-daily.js';
import { deliveryKey, discordNonce } from '../../src/daily/poster.js';
import { createLogger } from '../../src/logger.js';
import { type Harness, startHarness } from '../adapters/discord/harness.js';
import { FakeClock, tempDatabase } from '../daily/fakes.js';
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, slashCommand } from '../fakes/discord-payloads.js';
import { CHANNEL_ID, type FakeResponse, type RecordedRequest } from '../fakes/fake-discord.js';
import { realBot } from '../helpers/catalog.js';

/** The real discord.js client and the daily engine, wired as main wires them, against the fake Discord. */
let harness: Harness;
let daily: Daily;
let clock: FakeClock;
let db: ReturnType<typeof tempDatabase>;

beforeEach(async () => {
  clock = new FakeClock(new Date('2026-11-25T06:00:00Z'));
  db = tempDatabase();
  let ask: Daily['ask'] | undefined;
  harness = await startHarness({ ask: (text, context) => (ask as Daily['ask'])(text, context) });
  const logger = createLogger('silent');
  const poster = createDiscordDailyPoster(harness.service, logger);
  daily = createDaily({
    config: { databasePath: db.path, dailyDefaultTimeZone: 'UTC' },
    bot: realBot(),
    logger,
    posters: [poster],
    clock: clock.now,
    scheduler: { tickPattern: null, retry: { attempts: 3, baseMs: 1 } },
  });
  ask = daily.ask;
});

afterEach(async () => {
  await daily.scheduler.stop();
  await harness.close();
  daily.store.close();
  db.cleanup();
});

const channelPosts = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`);

async function command(query: string, permissions = MANAGER_PERMISSIONS) {
  const sent = slashCommand(harness.fake, { query, permissions });
  const callback = await harness.fake.callback(sent.id, sent.token);
  return callback.body as {
    type: number;
    data: { embeds?: { title?: string; description?: string }[]; flags?: number };
  };
}

describe('pattern of the day on Discord', () => {
  it('subscribes through /pattern, posts at 09:00 Berlin once, with a nonce, and reports status', async () => {
    const on = await command('daily on 09:00 Europe/Berlin');
    expect(JSON.stringify(on.data.embeds)).toContain('09:00');

    await daily.scheduler.start();
    clock.set('2026-11-25T07:59:00Z');
    await daily.scheduler.tick();
    expect(channelPosts(harness.fake.requests)).toHaveLength(0);

    clock.set('2026-11-25T08:00:00Z');
    await daily.scheduler.tick();
    clock.set('2026-11-25T08:01:00Z');
    await daily.scheduler.tick();
    const posts = channelPosts(harness.fake.requests);
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
    harness.fake.fault(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
      response,
      times,
    );
    clock.set('2026-11-25T07:00:00Z');
    await daily.scheduler.tick();
  }

  it('retries a 500 and posts once', async () => {
    await deliverFailing({ status: 500, body: { message: 'boom', code: 0 } }, 1);
    const delivered = harness.fake.requests.filter(
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
    const threads = harness.fake.requests.filter(
      (r) => r.method === 'POST' && /\/messages\/\d+\/threads$/.test(r.path),
    );
    expect(threads).toHaveLength(1);
    expect((threads[0]?.body as { name?: string } | undefined)?.name).toBe(
      `${realBot().patternOfTheDay('2026-11-25').name} · 2026-11-25`,
    );
  });
});
