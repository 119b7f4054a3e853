import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createPostgresStore } from '../../src/store/postgres.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { eventually } from '../adapters/slack/harness.js';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { startBot } from '../helpers/bot-process.js';
import { createTestDatabase, TEST_DATABASE_URL } from '../store/test-database.js';

const CHANNEL = 'C0HELD';

interface Backend {
  readonly env: Record<string, string>;
  readonly store: Store;
  cleanup(): Promise<void>;
}

async function sqlite(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-sigterm-'));
  const path = join(dir, 'bot.db');
  return {
    env: { DATABASE_PATH: path },
    store: createSqliteStore(path),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<Backend> {
  const database = await createTestDatabase();
  return {
    env: { DATABASE_URL: database.url },
    store: createPostgresStore(database.url),
    cleanup: database.drop,
  };
}

const backends = [
  ['SQLite', sqlite],
  ...(TEST_DATABASE_URL ? ([['PostgreSQL', postgres]] as const) : []),
] as const;

describe.each(backends)('SIGTERM mid-delivery (%s)', (_name, open) => {
  it('gives the claim back and exits within 10 s; the next process posts it at once, not after the stale timeout', async () => {
    const fake = await startFakeSlack();
    const backend = await open();
    const { store } = backend;
    const held = fake.holdNext('chat.postMessage');
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-sigterm',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'warn',
      ...backend.env,
    };
    const ref = {
      platform: 'slack',
      channelId: CHANNEL,
      localDate: new Date().toISOString().slice(0, 10),
    } as const;
    try {
      await store.upsertSubscription(
        {
          platform: 'slack',
          channelId: CHANNEL,
          time: '00:00',
          timeZone: 'UTC',
          weekdays: EVERY_DAY,
          thread: false,
          diagram: false,
          source: 'command',
        },
        new Date(Date.now() - 2 * 86_400_000),
      );
      const first = await startBot(env);
      await first.ready();
      // Its first scan claims the post and sends it; the fake Slack holds the call unanswered.
      await eventually(() => expect(fake.callsTo('chat.postMessage')).toHaveLength(1), 15_000);
      expect(await store.getDelivery(ref)).toMatchObject({ status: 'claimed', attempts: 1 });

      const stopping = Date.now();
      first.child.kill('SIGTERM');
      expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan(10_000);
      const released = await store.getDelivery(ref);
      expect(released).toMatchObject({ status: 'failed', lastError: 'stopped while posting', attempts: 1 });
      expect(released?.claimOwner).toBeUndefined();

      // The next process takes it at its first scan (the stale timeout is 120 s), told it may have gone out.
      const taking = Date.now();
      const second = await startBot(env);
      try {
        await eventually(() => expect(fake.callsTo('chat.postMessage')).toHaveLength(2), 20_000);
        expect(Date.now() - taking).toBeLessThan(20_000);
        let sent: Awaited<ReturnType<Store['getDelivery']>>;
        for (let i = 0; i < 50 && sent?.status !== 'sent'; i++) {
          sent = await store.getDelivery(ref);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      } finally {
        second.child.kill('SIGKILL');
        await second.exited;
      }
    } finally {
      held.release();
      await store.close();
      await fake.close();
      await backend.cleanup();
    }
  }, 60_000);
});
