import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../../src/conversation/create-conversation.js';
import { createLogger } from '../../../src/logger.js';
import { FAKE_BOT_USER_ID } from '../../fakes/fake-slack.js';
import { realBot } from '../../helpers/catalog.js';
import { SEEDED_MISS, seededUsage } from '../../helpers/usage.js';
import { eventually, type Harness, NOW, startHarness } from './harness.js';

/** `/pattern stats` and "stats" in a mention on Slack, with only workspace admins managing channels. */
let h: Harness;
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  const seeded = await seededUsage(createLogger('silent'), NOW);
  cleanup = seeded.cleanup;
  h = await startHarness({
    adminsOnlyForDaily: true,
    conversation: (logger) =>
      createConversation({
        bot: realBot(),
        logger,
        defaultTimeZone: 'UTC',
        clock: () => NOW,
        usage: seeded.usage,
      }),
  });
  h.fake.admins.add('U0ADMIN');
});
afterAll(async () => {
  await h.close();
  await cleanup();
});
beforeEach(() => h.fake.reset());

async function command(text: string, user: string): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({
    team_id: 'T0TEST',
    channel_id: 'C0CHANNEL',
    channel_name: 'general',
    user_id: user,
    command: '/pattern',
    text,
    response_url: h.fake.responseUrl('stats'),
    trigger_id: '1.2.3',
  }).toString();
  const res = await h.post(body, 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('stats on Slack', () => {
  it('`/pattern stats` by an admin: the most asked patterns and the misses, ephemeral', async () => {
    const reply = await command('stats', 'U0ADMIN');
    expect(reply.response_type).toBe('ephemeral');
    const text = JSON.stringify(reply);
    expect(text).toContain('Most asked patterns');
    expect(text).toMatch(/Saga Pattern.{0,20}3×/);
    expect(text).toContain(SEEDED_MISS);
    expect(h.fake.calls.map((c) => c.method)).toEqual(['users.info']);
  });

  it('`/pattern stats` by a member who is not an admin: only the short notice, none of the log', async () => {
    const reply = await command('stats', 'U0MEMBER');
    expect(reply.response_type).toBe('ephemeral');
    const text = JSON.stringify(reply);
    expect(text).toContain('Only channel managers can see the stats');
    expect(text).not.toContain(SEEDED_MISS);
    expect(text).not.toContain('Saga Pattern');
  });

  it('"stats" in a mention in a channel goes to the asker alone (chat.postEphemeral), never to the channel', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U0ADMIN',
        text: `<@${FAKE_BOT_USER_ID}> stats`,
        ts: '1700000000.000100',
        channel: 'C0CHANNEL',
        event_ts: '1700000000.000100',
      },
      'Ev-stats-1',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1));
    const call = h.fake.callsTo('chat.postEphemeral')[0]?.args;
    expect(call).toMatchObject({ channel: 'C0CHANNEL', user: 'U0ADMIN' });
    expect(JSON.stringify(call)).toContain(SEEDED_MISS);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
