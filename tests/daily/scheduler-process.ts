/**
 * One scheduler process for the multi-process tests: `tsx scheduler-process.ts '<json>'` with
 * { db: a file path or postgres:// URL, out: a file, owner, goAt: epoch ms, now: ISO instant,
 *   ticks?: 3, everyMs?: 0, staleClaimMs?, stall?: true (post hangs for ever, to be killed),
 *   until?: N (stop ticking once `out` has N lines) }.
 * Waits until `goAt` so that all processes tick at the same moment, ticks at the fixed instant
 * `now`, and appends one line per post to `out` ("attempt …" lines too, when stalling).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDailyScheduler } from '../../src/daily/daily-scheduler.js';
import type { DailyPlatform, DailyPoster } from '../../src/daily/poster.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/create-store.js';
import { realBot } from '../helpers/catalog.js';

interface Args {
  db: string;
  out: string;
  owner: string;
  goAt: number;
  now: string;
  ticks?: number;
  everyMs?: number;
  staleClaimMs?: number;
  stall?: boolean;
  until?: number;
}
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const { out, owner } = args;

function poster(platform: DailyPlatform): DailyPoster {
  return {
    platform,
    async post(channelId, card, options) {
      if (args.stall) {
        appendFileSync(out, `attempt ${platform}:${channelId} ${owner}\n`);
        await new Promise(() => {});
      }
      await sleep(Math.random() * 5);
      appendFileSync(
        out,
        `${platform}:${channelId} ${card.eyebrow?.split(' · ')[1]} thread=${options.thread !== undefined} ${owner} maybeSentBefore=${options.maybeSentBefore}\n`,
      );
      return { messageId: `${owner}-${channelId}` };
    },
    async checkCanPost() {
      return { ok: true };
    },
  };
}

const postgres = /^postgres(ql)?:\/\//.test(args.db);
const store = await openStore(
  postgres ? { databasePath: '', databaseUrl: args.db } : { databasePath: args.db },
);
const scheduler = createDailyScheduler({
  store,
  posters: [poster('slack'), poster('discord')],
  bot: realBot(),
  clock: () => new Date(args.now),
  logger: createLogger('silent'),
  owner,
  tickPattern: null,
  ...(args.staleClaimMs ? { staleClaimMs: args.staleClaimMs } : {}),
});
await sleep(Math.max(0, args.goAt - Date.now()));
const lines = () =>
  existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).length : 0;
let ticked = 0;
for (; ticked < (args.ticks ?? 3); ticked++) {
  if (args.until !== undefined && lines() >= args.until) break;
  await scheduler.tick();
  if (args.everyMs) await sleep(args.everyMs);
}
await store.close();
process.stdout.write(`${JSON.stringify({ owner, ticked })}\n`);
