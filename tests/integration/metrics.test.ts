import { describe, expect, it } from 'vitest';
import type { SlackService } from '../../src/adapters/slack/slack-app.js';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { encodeAction } from '../../src/core/card/action.js';
import type { DailyScheduler } from '../../src/daily/daily-scheduler.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createLogger } from '../../src/logger.js';
import { buttonClick, eventually } from '../adapters/slack/harness.js';
import { tempDatabase } from '../daily/fakes.js';
import { autocomplete, button, slashCommand } from '../fakes/discord-payloads.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord } from '../fakes/fake-discord.js';
import { FAKE_BOT_USER_ID, slackSignature, startFakeSlack } from '../fakes/fake-slack.js';
import { realBot } from '../helpers/catalog.js';

const SECRET = 'metrics-secret';
type Json = Record<string, unknown>;

/** The value of one sample in the Prometheus text (`name{labels} value`), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** The first button in a Slack message: its action_id and value. */
function firstButton(message: unknown): { action_id: string; value: string } | undefined {
  if (Array.isArray(message)) {
    for (const item of message) {
      const found = firstButton(item);
      if (found) return found;
    }
  } else if (message && typeof message === 'object') {
    const o = message as Json;
    if (o.type === 'button' && typeof o.value === 'string' && typeof o.action_id === 'string')
      return { action_id: o.action_id, value: o.value };
    for (const value of Object.values(o)) {
      const found = firstButton(value);
      if (found) return found;
    }
  }
  return undefined;
}

describe('/metrics after real traffic', () => {
  it('every surface, the daily post, a claim taken over and the database connections have moved', async () => {
    const slackFake = await startFakeSlack();
    const discordFake = await FakeDiscord.start();
    const db = tempDatabase();
    const app = createApp({
      config: parseConfig({
        SLACK_BOT_TOKEN: 'xoxb-metrics',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slackFake.apiUrl,
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_URL: discordFake.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_PATH: db.path,
      }),
      bot: realBot(),
      logger: createLogger('silent'),
      slack: { retryConfig: { retries: 0 } },
      daily: { tickPattern: null, staleClaimMs: 1 },
    });
    try {
      await app.start();
      const base = `http://127.0.0.1:${(app.services[0] as SlackService).port()}`;
      const scrape = async () => (await fetch(`${base}/metrics`)).text();
      const post = (body: string, type: string) =>
        fetch(`${base}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': type, ...slackSignature(SECRET, body) },
          body,
        });
      const form = 'application/x-www-form-urlencoded';
      const event = (event: Json, id: string) =>
        post(
          JSON.stringify({
            team_id: 'T0TEST',
            api_app_id: 'A0APP',
            type: 'event_callback',
            event_id: id,
            event_time: 1_700_000_000,
            authorizations: [{ team_id: 'T0TEST', user_id: FAKE_BOT_USER_ID, is_bot: true }],
            event,
          }),
          'application/json',
        );
      const before = await scrape();
      expect(sample(before, 'pattern_bot_db_connections{state="total"}')).toBe(1);

      // Slack: a slash command, a click on its card, a mention and a DM; each over signed HTTP.
      const ack = await (
        await post(
          new URLSearchParams({
            team_id: 'T0TEST',
            channel_id: 'C0CHANNEL',
            user_id: 'U0ASKER',
            command: '/pattern',
            text: 'saga',
            response_url: slackFake.responseUrl('cmd'),
            trigger_id: '1.2.3',
          }).toString(),
          form,
        )
      ).json();
      const share = firstButton(ack);
      if (!share) throw new Error('no button on the card');
      const click = buttonClick(share.action_id, share.value, {
        ephemeral: true,
        responseUrl: slackFake.responseUrl('click'),
      });
      await post(new URLSearchParams({ payload: JSON.stringify(click) }).toString(), form);
      const ts = '1700000000.000001';
      await event(
        { type: 'app_mention', user: 'U0ASKER', text: `<@${FAKE_BOT_USER_ID}> cqrs`, ts, channel: 'C1' },
        'Ev-mention',
      );
      await event(
        { type: 'message', channel_type: 'im', channel: 'D1', user: 'U0ASKER', text: 'bulkhead', ts },
        'Ev-dm',
      );
      await eventually(() => expect(slackFake.callsTo('chat.postMessage')).toHaveLength(2));

      // Discord: a slash command, a button and an autocomplete, through discord.js.
      const asked = slashCommand(discordFake, { query: 'saga' });
      await discordFake.callback(asked.id, asked.token);
      const pressed = button(discordFake, encodeAction({ type: 'show', slug: 'saga-pattern' }) ?? '');
      await discordFake.callback(pressed.id, pressed.token);
      const typed = autocomplete(discordFake, 'sag');
      await discordFake.callback(typed.id, typed.token);

      // The console, and the daily post: one channel due now, one stale claim of a crashed process.
      await app.conversation.ask({ text: 'saga', platform: 'console' });
      const store = app.daily?.store;
      if (!store) throw new Error('no daily store');
      const schedule = {
        time: '00:00',
        timeZone: 'UTC',
        weekdays: EVERY_DAY,
        thread: false,
        diagram: false,
      } as const;
      const today = new Date().toISOString().slice(0, 10);
      await store.upsertSubscription(
        { ...schedule, platform: 'slack', channelId: 'C0DUE', source: 'command' },
        new Date(Date.now() - 86_400_000 * 2),
      );
      await store.upsertSubscription(
        { ...schedule, platform: 'slack', channelId: 'C0ORPHAN', source: 'command' },
        new Date(Date.now() - 86_400_000 * 2),
      );
      const ref = { platform: 'slack', channelId: 'C0ORPHAN', localDate: today } as const;
      expect(
        await store.claim({ ...ref, patternSlug: 'saga-pattern' }, { owner: 'crashed', staleAfterMs: 1 }),
      ).toBe(true);
      await store.setNextRun('slack', 'C0ORPHAN', {
        from: new Date(0),
        to: new Date(Date.now() + 86_400_000),
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      await (app.services.find((s) => s.name === 'daily') as DailyScheduler).tick();
      expect((await store.getDelivery(ref))?.status).toBe('sent');

      const after = await scrape();
      for (const [platform, surface, count] of [
        ['slack', 'slash', 1],
        ['slack', 'button', 1],
        ['slack', 'mention', 1],
        ['slack', 'dm', 1],
        ['discord', 'slash', 1],
        ['discord', 'button', 1],
        ['discord', 'autocomplete', 1],
        ['console', 'console', 1],
        ['slack', 'daily', 2],
      ] as const) {
        const series = `pattern_bot_answer_seconds_count{platform="${platform}",surface="${surface}"}`;
        expect(sample(before, series), series).toBeUndefined();
        expect(sample(after, series), series).toBe(count);
      }
      expect(sample(after, 'pattern_bot_daily_claims_taken_over_total{platform="slack"}')).toBe(1);
      expect(sample(after, 'pattern_bot_daily_deliveries_total{platform="slack",outcome="sent"}')).toBe(2);
      expect(sample(after, 'pattern_bot_db_connections{state="total"}')).toBe(1);
      expect(sample(after, 'pattern_bot_db_connections{state="waiting"}')).toBe(0);
      // Node's event-loop delay (monitorEventLoopDelay, from collectDefaultMetrics) is sampled too.
      expect(sample(after, 'pattern_bot_nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0);
    } finally {
      await app.stop();
      await slackFake.close();
      await discordFake.close();
      db.cleanup();
    }
  }, 30_000);
});
