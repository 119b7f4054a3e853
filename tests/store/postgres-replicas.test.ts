import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/store.js';
import { eventually } from '../adapters/slack/harness.js';
import { FAKE_BOT_USER_ID, type FakeSlack, slackSignature, startFakeSlack } from '../fakes/fake-slack.js';
import { type BotProcess, type RoundRobin, startBot, startRoundRobin } from '../helpers/bot-process.js';
import { createTestDatabase, SKIPPED_WITHOUT_POSTGRES, TEST_DATABASE_URL } from './test-database.js';

const SECRET = 'replicas-secret';
const DAY_MS = 86_400_000;

/** A subscription due every day at midnight UTC, so due at once today (its schedule began two days ago). */
async function subscribe(store: Store, channelId: string) {
  await store.upsertSubscription(
    {
      platform: 'slack',
      channelId,
      time: '00:00',
      timeZone: 'UTC',
      weekdays: EVERY_DAY,
      thread: false,
      diagram: false,
      source: 'command',
    },
    new Date(Date.now() - 2 * DAY_MS),
  );
}

const postsTo = (fake: FakeSlack, prefix: string) =>
  fake.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith(prefix));

/** The same bot (Slack in HTTP mode, one PostgreSQL) as many processes as `count`. */
function botEnv(fake: FakeSlack, url: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-replicas',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
  };
}

describe.skipIf(!TEST_DATABASE_URL)(
  `three Slack HTTP replicas behind one address, one PostgreSQL${TEST_DATABASE_URL ? '' : ` — ${SKIPPED_WITHOUT_POSTGRES}`}`,
  () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let fake: FakeSlack;
    let store: Store;
    let bots: BotProcess[] = [];
    let proxy: RoundRobin;
    beforeAll(async () => {
      database = await createTestDatabase();
      fake = await startFakeSlack();
      store = createPostgresStore(database.url);
      await store.ready();
      bots = await Promise.all([1, 2, 3].map(() => startBot(botEnv(fake, database.url))));
      await Promise.all(bots.map((bot) => bot.ready()));
      proxy = await startRoundRobin(bots.map((bot) => bot.port));
    }, 60_000);
    afterAll(async () => {
      for (const bot of bots) bot.child.kill('SIGKILL');
      await Promise.all(bots.map((bot) => bot.exited));
      await proxy?.close();
      await store?.close();
      await fake?.close();
      await database?.drop();
    });

    /** Slack's event envelope, signed, through the proxy; `retry` as Slack marks a redelivery. */
    function sendEvent(eventId: string, text: string, retry?: number) {
      const body = JSON.stringify({
        team_id: 'T0TEST',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: 'T0TEST', user_id: FAKE_BOT_USER_ID, is_bot: true }],
        event: {
          type: 'app_mention',
          user: 'U0ASKER',
          text: `<@${FAKE_BOT_USER_ID}> ${text}`,
          ts: '1700000000.000100',
          channel: `C0ASK${eventId}`,
        },
      });
      return fetch(`${proxy.url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...slackSignature(SECRET, body),
          ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
        body,
      });
    }

    it('an event Slack retries onto the other replicas is answered once; another event is answered too', async () => {
      const before = [...proxy.forwarded];
      const statuses = [
        (await sendEvent('Ev1', 'saga')).status,
        (await sendEvent('Ev1', 'saga', 1)).status,
        (await sendEvent('Ev1', 'saga', 2)).status,
        (await sendEvent('Ev2', 'cqrs')).status,
      ];
      expect(statuses).toEqual([200, 200, 200, 200]);
      // The first three went to three different processes.
      expect(proxy.forwarded.map((n, i) => n - (before[i] ?? 0))).toEqual([2, 1, 1]);
      await eventually(() => expect(postsTo(fake, 'C0ASKEv2')).toHaveLength(1), 10_000);
      await sleep(500);
      expect(postsTo(fake, 'C0ASKEv1')).toHaveLength(1);
      expect(postsTo(fake, 'C0ASKEv2')).toHaveLength(1);
    }, 30_000);

    it('200 subscriptions due in the same minute: exactly 200 posts across the three processes', async () => {
      // Each process ticks at the start of every minute: add them all well inside one minute.
      const second = new Date().getUTCSeconds();
      if (second > 45) await sleep((62 - second) * 1000);
      const channels = Array.from({ length: 200 }, (_, i) => `C0DUE${String(i).padStart(3, '0')}`);
      for (const channel of channels) await subscribe(store, channel);
      await eventually(() => expect(postsTo(fake, 'C0DUE').length).toBeGreaterThanOrEqual(200), 75_000);
      await sleep(1000);
      const posted = postsTo(fake, 'C0DUE').map((call) => String(call.args.channel));
      expect(posted).toHaveLength(200);
      expect(new Set(posted).size).toBe(200);
      const deliveries = (await store.listDeliveries()).filter((d) => d.channelId.startsWith('C0DUE'));
      expect(deliveries).toHaveLength(200);
      expect(deliveries.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
      // All three raced for the same minute's claims, and more than one won some.
      expect(new Set(deliveries.map((d) => d.claimOwner)).size).toBeGreaterThan(1);
    }, 90_000);
  },
);
