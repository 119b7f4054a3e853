import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../../src/conversation/create-conversation.js';
import { createDaily, type Daily } from '../../../src/daily/create-daily.js';
import { tempDatabase } from '../../daily/fakes.js';
import { FAKE_BOT_USER_ID } from '../../fakes/fake-slack.js';
import { realBot } from '../../helpers/catalog.js';
import { eventually, type Harness, NOW, startHarness } from './harness.js';

/**
 * What the adapter tells the conversation besides the text: where it was written (`place`) and, as
 * lazy callbacks, whether the asker may manage the channel (users.info) and whether the bot can post
 * there (conversations.info). A plain lookup makes no platform call at all.
 */
const db = tempDatabase();
let daily: Daily;
let h: Harness;

beforeAll(async () => {
  const bot = realBot();
  h = await startHarness({
    adminsOnlyForDaily: true,
    conversation: (logger) => {
      daily = createDaily({
        config: { databasePath: db.path, dailyDefaultTimeZone: 'UTC', dailyChannels: undefined },
        platforms: ['slack'],
        bot,
        logger,
        clock: () => NOW,
      });
      return createConversation({
        bot,
        logger,
        defaultTimeZone: 'UTC',
        clock: () => NOW,
        daily: daily.commands,
      });
    },
  });
  h.fake.admins.add('U0ADMIN');
});
afterAll(async () => {
  await h.close();
  daily.store.close();
  db.cleanup();
});
beforeEach(() => {
  h.fake.reset();
  h.fake.notMemberOf.clear();
});

async function command(text: string, fields: Record<string, string> = {}): Promise<string> {
  const body = new URLSearchParams({
    team_id: 'T0TEST',
    channel_id: 'C0CHANNEL',
    channel_name: 'general',
    user_id: 'U0ADMIN',
    command: '/pattern',
    text,
    response_url: h.fake.responseUrl('ctx'),
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
  const res = await h.post(body, 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

const CHANNELS_ONLY = 'The daily pattern is for channels';

describe('place, and the lazy context of a slash command', () => {
  it('a plain lookup makes no platform call', async () => {
    expect(await command('saga')).toContain('Saga Pattern');
    expect(h.fake.calls).toEqual([]);
  });

  it('`daily on` in a DM says the daily pattern is for channels, asking Slack nothing', async () => {
    const reply = await command('daily on', { channel_id: 'D0DM', channel_name: 'directmessage' });
    expect(reply).toContain(CHANNELS_ONLY);
    expect(reply).not.toContain('/invite');
    expect(h.fake.calls).toEqual([]);
  });

  it('`daily on` in a group DM says so too', async () => {
    const reply = await command('daily on', { channel_id: 'C0MPDM', channel_name: 'mpdm-a--b--c-1' });
    expect(reply).toContain(CHANNELS_ONLY);
    expect(h.fake.calls).toEqual([]);
  });

  it('`daily on` in a channel by a member who is not an admin: refused after one users.info', async () => {
    const reply = await command('daily on', { user_id: 'U0MEMBER' });
    expect(reply).toContain('Only workspace admins');
    expect(h.fake.calls.map((c) => c.method)).toEqual(['users.info']);
  });

  it('`daily on` in a channel the bot is not in: asks to invite it, after checking', async () => {
    h.fake.notMemberOf.add('C0CHANNEL');
    const reply = await command('daily on');
    expect(reply).toContain('/invite @pattern-bot');
    expect(h.fake.calls.map((c) => c.method)).toEqual(['users.info', 'conversations.info']);
  });

  it('`daily on` by an admin where the bot can post: subscribed', async () => {
    await command('daily on 09:00 UTC', { channel_id: 'C0SUB' });
    expect((await daily.store.getSubscription('slack', 'C0SUB'))?.enabled).toBe(true);
  });

  it('`daily on` in a DM to the bot (message.im) is answered from the place too', async () => {
    await h.event(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        user: 'U0ADMIN',
        text: `<@${FAKE_BOT_USER_ID}> daily on`,
        ts: '1700000000.000900',
      },
      'Ev-ctx-dm',
    );
    await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
    expect(JSON.stringify(h.fake.callsTo('chat.postMessage')[0]?.args)).toContain(CHANNELS_ONLY);
    expect(h.fake.callsTo('conversations.info')).toEqual([]);
  });
});
