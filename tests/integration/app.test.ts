import { describe, expect, it } from 'vitest';
import type { SlackService } from '../../src/adapters/slack/slack-app.js';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openTempStore, tempDatabase } from '../daily/fakes.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { realBot } from '../helpers/catalog.js';

describe('createApp with Slack and Discord together', () => {
  it('starts both adapters and the daily scheduler, reports them all on /healthz, and stops cleanly', async () => {
    const slackFake = await startFakeSlack();
    const discordFake = await FakeDiscord.start();
    const db = tempDatabase();
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-both',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: slackFake.apiUrl,
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: discordFake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: db.path,
      DAILY_CHANNELS: 'slack:C0STATIC,discord:300000000000000001',
    });
    let discordClosed = false;
    const app = createApp({
      config,
      bot: realBot(),
      logger: createLogger('silent'),
      slack: { retryConfig: { retries: 0 } },
      daily: { tickPattern: null },
    });
    try {
      expect(app.services.map((s) => s.name)).toEqual(['slack', 'discord', 'daily']);
      await app.start();
      const slack = app.services[0] as SlackService;
      const response = await fetch(`http://127.0.0.1:${slack.port()}/healthz`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as {
        ok: boolean;
        services: Record<string, { ok: boolean; state: string }>;
      };
      expect(report.ok).toBe(true);
      expect(Object.keys(report.services)).toEqual(['slack', 'discord', 'daily']);
      expect(report.services.discord).toMatchObject({ ok: true, state: 'connected' });
      expect(
        (await app.daily?.store.listSubscriptions())?.map((s) => `${s.platform}:${s.channelId}`).sort(),
      ).toEqual(['discord:300000000000000001', 'slack:C0STATIC']);

      // For orchestrators: alive and ready now; when Discord drops, still alive (no restart) but not ready.
      const probe = async (path: string) => (await fetch(`http://127.0.0.1:${slack.port()}${path}`)).status;
      expect([await probe('/livez'), await probe('/readyz'), await probe('/metrics')]).toEqual([
        200, 200, 200,
      ]);
      await app.conversation.ask({ text: 'saga', platform: 'slack' });
      const metrics = await (await fetch(`http://127.0.0.1:${slack.port()}/metrics`)).text();
      expect(metrics).toContain('pattern_bot_answers_total{platform="slack",kind="pattern",tier="answer"} 1');
      await discordFake.close();
      discordClosed = true;
      const until = Date.now() + 5000;
      while ((await probe('/readyz')) !== 503 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      expect(await probe('/readyz')).toBe(503);
      expect([await probe('/livez'), await probe('/healthz')]).toEqual([200, 503]);
    } finally {
      await app.stop();
      await slackFake.close();
      if (!discordClosed) await discordFake.close();
      db.cleanup();
    }
  });
});

describe('createApp and the miss log', () => {
  for (const [setting, kept] of [
    ['on', ['zanzibar pizza oven']],
    ['off', []],
  ] as const) {
    it(`MISS_LOG=${setting}: ${kept.length > 0 ? 'counts' : 'keeps nothing of'} the misses and asked patterns`, async () => {
      const temp = openTempStore();
      const app = createApp({
        config: parseConfig({ MISS_LOG: setting, DATABASE_PATH: temp.path }),
        bot: realBot(),
        logger: createLogger('silent'),
        store: temp.store,
      });
      try {
        expect(app.usage === undefined).toBe(setting === 'off');
        await app.conversation.ask({ text: 'zanzibar pizza oven', platform: 'console' });
        await app.conversation.ask({ text: 'saga', platform: 'console' });
        await app.stop(); // waits for the writes started
        const since = new Date(0);
        expect((await temp.store.listMisses({ since, limit: 5 })).map((m) => m.text)).toEqual(kept);
        expect((await temp.store.listAsked({ since, limit: 5 })).length).toBe(kept.length);
      } finally {
        await temp.cleanup();
      }
    });
  }
});
