/**
 * bench:review — N people whose review falls in the same minute, on SQLite: how long one scheduler
 * tick takes to claim and send every review DM (to a port that resolves after ~1 ms, 8 at a time),
 * and then the latency of N answers (Knew it) clicked at once, one per person, and of a second click
 * on each (counted once). `npm run bench:review [-- --sizes 1000,5000]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadCatalogFile } from '../src/catalog-file.js';
import { createBot } from '../src/core/bot.js';
import { decodeAction } from '../src/core/card/action.js';
import type { Card } from '../src/core/card/card.js';
import { createLogger } from '../src/logger.js';
import { createReview } from '../src/review/create-review.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import { percentile } from './stats.js';

const argv = process.argv.slice(2);
const i = argv.indexOf('--sizes');
const sizes = (i === -1 ? '1000,5000' : (argv[i + 1] ?? '')).split(',').map(Number);
const bot = createBot(loadCatalogFile('data/patterns.tsv'));
const logger = createLogger('silent');

async function run(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-review-bench-'));
  const store = createSqliteStore(join(dir, 'bot.db'));
  let now = new Date('2026-12-06T12:00:00Z');
  const review = createReview({ store, bot, logger, clock: () => now, scheduler: { tickPattern: null } });
  try {
    const people = Array.from(
      { length: size },
      (_, n) => ({ platform: 'slack', workspaceId: 'T1', userId: `U${n}` }) as const,
    );
    for (const person of people) await review.commands.run({ type: 'on', time: '09:00' }, person);
    const sent = new Map<string, Card>();
    const scheduler = review.scheduler([
      {
        platform: 'slack',
        async sendDm(userId, card) {
          await sleep(1);
          sent.set(userId, card);
        },
      },
    ]);
    now = new Date('2026-12-07T09:00:00Z');
    const started = performance.now();
    const dms = await scheduler.tick();
    const tickMs = performance.now() - started;

    const action = (userId: string) => {
      const decoded = decodeAction(sent.get(userId)?.groups[0]?.buttons[0]?.action);
      if (decoded?.type !== 'review') throw new Error(`no review button for ${userId}`);
      return decoded;
    };
    const clickAll = async () => {
      const times = await Promise.all(
        people.map(async (person) => {
          const t0 = performance.now();
          await review.commands.answer(action(person.userId), person);
          return performance.now() - t0;
        }),
      );
      return times.sort((a, b) => a - b);
    };
    const first = await clickAll();
    const second = await clickAll();
    let counted = 0;
    for (const person of people)
      counted += (await store.listReviewCards(person)).filter((card) => card.answeredDate).length;
    return { size, dms, tickMs, first, second, counted };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log('| people | DMs sent | tick | DMs/s | answer p50 | answer p99 | repeat p99 | answers counted |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const size of sizes) {
  const r = await run(size);
  console.log(
    `| ${r.size} | ${r.dms} | ${ms(r.tickMs)} | ${Math.round(r.dms / (r.tickMs / 1000))} | ${ms(percentile(r.first, 50))} | ${ms(percentile(r.first, 99))} | ${ms(percentile(r.second, 99))} | ${r.counted} |`,
  );
}
