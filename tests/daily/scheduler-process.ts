/**
 * One scheduler process for the two-process test: `tsx scheduler-process.ts <db> <out> <owner> <goAt> <now>`.
 * Waits until `goAt` (epoch ms) so that both processes tick at the same moment, ticks three times
 * at the fixed instant `now`, and appends one line per post to `out`.
 */
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDailyScheduler } from '../../src/daily/daily-scheduler.js';
import type { DailyPlatform, DailyPoster } from '../../src/daily/poster.js';
import { openDailyStore } from '../../src/daily/store.js';
import { createLogger } from '../../src/logger.js';
import { realBot } from '../helpers/catalog.js';

const [dbPath, outFile, owner, goAt, now] = process.argv.slice(2);
if (!dbPath || !outFile || !owner || !goAt || !now) throw new Error('usage: <db> <out> <owner> <goAt> <now>');

function poster(platform: DailyPlatform): DailyPoster {
  return {
    platform,
    async post(channelId, card, options) {
      await sleep(Math.random() * 5);
      appendFileSync(
        outFile as string,
        `${platform}:${channelId} ${card.eyebrow?.split(' · ')[1]} thread=${options.thread !== undefined} ${owner}\n`,
      );
      return { messageId: `${owner}-${channelId}` };
    },
    async checkCanPost() {
      return { ok: true };
    },
  };
}

const store = openDailyStore(dbPath);
const scheduler = createDailyScheduler({
  store,
  posters: [poster('slack'), poster('discord')],
  bot: realBot(),
  clock: () => new Date(now),
  logger: createLogger('silent'),
  owner,
  tickPattern: null,
});
await sleep(Math.max(0, Number(goAt) - Date.now()));
for (let i = 0; i < 3; i++) await scheduler.tick();
store.close();
process.stdout.write(`${JSON.stringify({ owner, ticked: 3 })}\n`);
