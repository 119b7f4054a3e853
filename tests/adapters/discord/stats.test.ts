import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { MANAGER_PERMISSIONS, mentionOf, message, slashCommand } from '../../fakes/discord-payloads.js';
import { BOT_USER, type RecordedRequest } from '../../fakes/fake-discord.js';
import { SEEDED_MISS, seededUsage } from '../../helpers/usage.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';
import { type Harness, slowed, startHarness } from './harness.js';

/** `/pattern stats` and "stats" in a mention on Discord, through the real discord.js client and the fake. */
const NOW = new Date('2025-03-14T12:00:00Z');
const EPHEMERAL = 64;
let h: Harness;
let cleanup: () => Promise<void> = async () => {};

interface Reply {
  type?: number;
  data?: { flags?: number; embeds?: { title?: string }[] };
  embeds?: { title?: string }[];
  message_reference?: { message_id: string };
}

beforeAll(async () => {
  const seeded = await seededUsage(createLogger('silent'), NOW);
  cleanup = seeded.cleanup;
  h = await startHarness({ usage: seeded.usage });
});
afterAll(async () => {
  await h?.close();
  await cleanup();
});

const body = (request: RecordedRequest) => request.body as Reply;

describe('stats on Discord', () => {
  it('`/pattern stats` by a member with Manage Channels: the report, ephemeral though not asked private', async () => {
    const i = slashCommand(h.fake, { query: 'stats', permissions: MANAGER_PERMISSIONS });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('What people asked in the last 30 days');
    const text = JSON.stringify(callback);
    expect(text).toMatch(/Saga Pattern.{0,20}3×/);
    expect(text).toContain(SEEDED_MISS);
    expectWithinDiscordLimits(callback.data ?? {});
  });

  it('`/pattern stats` by a member without it: the short notice only, ephemeral', async () => {
    const i = slashCommand(h.fake, { query: 'stats', private: false });
    const callback = body(await h.fake.callback(i.id, i.token));
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('Only channel managers can see the stats');
    expect(JSON.stringify(callback)).not.toContain(SEEDED_MISS);
  });

  it('"stats" in a mention in a channel is never answered there with the report', async () => {
    const id = message(h.fake, { content: `${mentionOf()} stats`, mentions: [BOT_USER] });
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && body(r).message_reference?.message_id === id,
    );
    expect(body(reply).embeds?.[0]?.title).toBe('That answer is for your eyes only');
    expect(JSON.stringify(reply.body)).not.toContain(SEEDED_MISS);
  });
});

describe('stats on Discord when the answer is slow', () => {
  it('defers privately, since the text says it is for the asker alone', async () => {
    const seeded = await seededUsage(createLogger('silent'), NOW);
    const slow = await startHarness({ usage: seeded.usage, wrap: (c) => slowed(c, 100), deferAfterMs: 20 });
    try {
      const i = slashCommand(slow.fake, { query: 'stats', permissions: MANAGER_PERMISSIONS });
      expect((await slow.fake.callback(i.id, i.token)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    } finally {
      await slow.close();
      await seeded.cleanup();
    }
  });
});
