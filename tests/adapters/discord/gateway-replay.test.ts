import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCard } from '../../../src/core/card/problem-card.js';
import { mentionOf, message } from '../../fakes/discord-payloads.js';
import {
  ALICE,
  BOT_USER,
  CHANNEL_ID,
  COMMAND_ID,
  GUILD_ID,
  type RecordedRequest,
} from '../../fakes/fake-discord.js';
import { type Harness, startHarness } from './harness.js';

/**
 * Every fixture in tests/fixtures/discord (shapes Discord really sends; see SOURCES.md) goes through
 * the real discord.js client over the fake gateway, and gets what its `expect` says.
 */

interface Fixture {
  readonly source: string;
  readonly note: string;
  readonly expect: 'answered' | 'failure-notice' | 'notice' | 'replied' | 'ignored';
  readonly t: 'INTERACTION_CREATE' | 'MESSAGE_CREATE';
  readonly d: { readonly id: string; readonly token?: string; readonly type: number };
}

interface Callback {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string }[];
    choices?: unknown[];
  };
}

const DIR = join(import.meta.dirname, '../../fixtures/discord');
const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture] as const);

const EPHEMERAL = 64;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let h: Harness;
beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  h = await startHarness();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await h?.close();
});

const callbackBody = async (fixture: Fixture) =>
  (await h.fake.callback(fixture.d.id, fixture.d.token ?? '')).body as Callback;
const replyTo = (id: string) => (r: RecordedRequest) =>
  (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id ===
  id;
const parseFailures = () => h.logs.filter((l) => l.msg === 'discord.js could not handle a gateway packet');

describe('replayed gateway packets', () => {
  it('has fixtures of every kind', () => {
    const kinds = new Set(fixtures.map(([, f]) => f.expect));
    expect([...kinds].sort()).toEqual(['answered', 'failure-notice', 'ignored', 'notice', 'replied']);
  });

  for (const [file, fixture] of fixtures) {
    it(`${file}: ${fixture.expect}`, async () => {
      const before = parseFailures().length;
      h.fake.dispatch(fixture.t, structuredClone(fixture.d));
      switch (fixture.expect) {
        case 'answered': {
          const callback = await callbackBody(fixture);
          if (fixture.d.type === 4) {
            expect(callback.type).toBe(8);
            expect(callback.data?.choices?.length).toBeGreaterThan(0);
          } else {
            expect(callback.type).toBe(4);
            expect(callback.data?.embeds?.[0]?.title).toMatch(/Pattern/);
          }
          break;
        }
        case 'failure-notice':
        case 'notice': {
          const callback = await callbackBody(fixture);
          expect(callback.type).toBe(4);
          expect(callback.data?.flags).toBe(EPHEMERAL);
          expect(callback.data?.embeds?.[0]?.title).toBeTruthy();
          break;
        }
        case 'replied': {
          const reply = await h.fake.waitForRequest(replyTo(fixture.d.id));
          expect((reply.body as Callback['data'])?.embeds?.[0]?.title).toMatch(/Pattern/);
          break;
        }
        case 'ignored': {
          // The next mention is answered, and nothing was sent for the ignored one.
          const next = message(h.fake, { content: `${mentionOf()} cqrs`, mentions: [BOT_USER] });
          await h.fake.waitForRequest(replyTo(next));
          expect(h.fake.requests.filter(replyTo(fixture.d.id))).toEqual([]);
          break;
        }
      }
      expect(parseFailures().length).toBe(before);
      expect(rejections).toEqual([]);
      expect(h.service.health().ok).toBe(true);
    });
  }
});

describe('a packet that still throws inside discord.js', () => {
  it('is logged with its type, and the client goes on answering', async () => {
    const before = parseFailures().length;
    // GUILD_ROLE_CREATE without its role: discord.js reads `data.role.id`.
    h.fake.dispatch('GUILD_ROLE_CREATE', { guild_id: GUILD_ID });
    await expect.poll(() => parseFailures().length, { timeout: 2000 }).toBe(before + 1);
    expect(parseFailures().at(-1)).toMatchObject({ level: 50, type: 'GUILD_ROLE_CREATE' });
    const next = message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER] });
    await h.fake.waitForRequest(replyTo(next));
    expect(rejections).toEqual([]);
    expect(h.service.health().ok).toBe(true);
  });

  it('an interaction that throws while discord.js builds it still gets the failure notice', async () => {
    const before = parseFailures().length;
    const id = h.fake.snowflake();
    const token = `itoken-${id}`;
    // A guild channel object that is not one: discord.js cannot build the channel.
    h.fake.dispatch('INTERACTION_CREATE', {
      id,
      token,
      type: 2,
      application_id: BOT_USER.id,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: {
        id: CHANNEL_ID,
        type: 0,
        guild_id: GUILD_ID,
        name: 'general',
        permission_overwrites: 'none',
      },
      member: { user: ALICE, roles: [], permissions: '0', joined_at: new Date(0).toISOString() },
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      data: {
        id: COMMAND_ID,
        name: 'pattern',
        type: 1,
        options: [{ name: 'query', type: 3, value: 'saga' }],
      },
    });
    const callback = (await h.fake.callback(id, token)).body as Callback;
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe(problemCard('failure').title);
    expect(parseFailures().length).toBe(before + 1);
    expect(rejections).toEqual([]);
  });
});
