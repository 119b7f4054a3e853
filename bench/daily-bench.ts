/**
 * bench:daily — N subscriptions due in the same minute, delivered to a fake poster that resolves
 * after ~1 ms: time until all are posted, posts per second, and the event loop's longest delay
 * meanwhile. `npm run bench:daily [-- --sizes 10000,50000] [--pg postgres://…]` (or TEST_DATABASE_URL)
 * runs PostgreSQL too; each run uses a fresh database (SQLite: a temp file; PostgreSQL: a new
 * database on that server, dropped after).
 *
 * `--ack` also runs the bot's Slack service (HTTP mode) in the same process, as a deployment does, and
 * sends signed `/pattern` commands at it, 200 a second: first 2,000 unmeasured (warm-up), then 2,000
 * with no tick, then for as long as the tick runs, then 2,000 again with no tick. It prints the ack
 * p99 during the tick against the p99 of the two runs without (the target: within 1.25 ×).
 * `--post-ms N` makes each fake post take N ms (default 1), as a real platform call does.
 * `--rate N` paces the posts at N a second per platform, as `DAILY_POSTS_PER_SECOND` does in the app
 * (default: unpaced, which measures the scheduler's own cost). A paced tick of thousands takes minutes:
 * the acks are then measured over its first `--ack-seconds` (default 20), the tick is stopped there,
 * and the posts so far are counted.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDailyScheduler } from '../src/daily/daily-scheduler.js';
import type { DailyPoster } from '../src/daily/poster.js';
import { EVERY_DAY } from '../src/daily/subscription.js';
import { loadBot } from '../src/load-catalog.js';
import { createLogger } from '../src/logger.js';
import type { Store } from '../src/store/store.js';
import { ackSummary, startAckProbe } from './ack-probe.js';
import { type Backend, postgres, sqlite } from './bench-stores.js';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const sizes = (option('--sizes') ?? '10000,50000').split(',').map(Number);
const pgUrl = option('--pg') ?? (process.env.TEST_DATABASE_URL || undefined);
const ACK = argv.includes('--ack');
/** How long the fake poster takes (1 ms: the scheduler's own cost; a real Slack call takes 50–300 ms). */
const POST_MS = Number(option('--post-ms') ?? 1);
const RATE = option('--rate') === undefined ? undefined : Number(option('--rate'));
const ACK_SECONDS = Number(option('--ack-seconds') ?? 20);
const ACK_REQUESTS = 2000;
const ACK_PER_SECOND = 200;
const NOW = new Date('2026-11-25T09:00:30Z');
// The bot as it runs (content, glossary, word list): the acks render the real cards.
const bot = loadBot('data/patterns.tsv');

async function subscribe(store: Store, count: number) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await store.insertSubscriptionIfMissing(
        {
          platform: i % 2 ? 'discord' : 'slack',
          channelId: `${i % 2 ? '' : 'C'}${100000 + i}`,
          time: '09:00',
          timeZone: 'UTC',
          weekdays: EVERY_DAY,
          thread: false,
          diagram: false,
          source: 'command',
        },
        new Date('2026-11-24T00:00:00Z'),
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

function fakePoster(platform: 'slack' | 'discord', counter: { posts: number }): DailyPoster {
  return {
    platform,
    async post(channelId) {
      await sleep(POST_MS);
      counter.posts++;
      return { messageId: `${platform}-${channelId}` };
    },
    async checkCanPost() {
      return { ok: true };
    },
  };
}

async function run(backend: Backend, count: number) {
  const { store, cleanup } = await backend.open();
  try {
    await subscribe(store, count);
    const counter = { posts: 0 };
    const scheduler = createDailyScheduler({
      store,
      posters: [fakePoster('slack', counter), fakePoster('discord', counter)],
      bot,
      clock: () => NOW,
      logger: createLogger('silent'),
      owner: 'bench',
      tickPattern: null,
      ...(RATE !== undefined ? { postsPerSecond: RATE } : {}),
    });
    const probeAcks = ACK ? await startAckProbe(bot) : undefined;
    const quiet: number[] = [];
    if (probeAcks) {
      await probeAcks.acks({ atLeast: ACK_REQUESTS, perSecond: ACK_PER_SECOND });
      quiet.push(...(await probeAcks.acks({ atLeast: ACK_REQUESTS, perSecond: ACK_PER_SECOND })));
    }
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    // A second probe: the longest gap between 5 ms timer ticks (the histogram records nothing while
    // a single synchronous block holds the loop from the start).
    let last = performance.now();
    let longestGap = 0;
    const probe = setInterval(() => {
      const at = performance.now();
      longestGap = Math.max(longestGap, at - last - 5);
      last = at;
    }, 5);
    await sleep(20);
    last = performance.now();
    const started = performance.now();
    const ticking = scheduler.tick();
    // Paced, the measurement covers the tick's first ACK_SECONDS; unpaced, the whole tick.
    const window = RATE === undefined ? ticking : Promise.race([ticking, sleep(ACK_SECONDS * 1000)]);
    const duringTick = await probeAcks?.acks({ atLeast: 0, perSecond: ACK_PER_SECOND, until: window });
    await window;
    const cut = RATE !== undefined && counter.posts < count;
    if (cut) await scheduler.stop();
    else await ticking;
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    clearInterval(probe);
    longestGap = Math.max(longestGap, performance.now() - last - 5);
    if (probeAcks) {
      quiet.push(...(await probeAcks.acks({ atLeast: ACK_REQUESTS, perSecond: ACK_PER_SECOND })));
      await probeAcks.close();
    }
    const acks =
      duringTick && quiet.length > 0
        ? (() => {
            const without = ackSummary(quiet.sort((a, b) => a - b));
            const during = ackSummary(duringTick);
            return {
              ackRequestsDuringTick: during.requests,
              ackP99NoTickMs: without.p99,
              ackP99DuringTickMs: during.p99,
              ackMaxDuringTickMs: during.max,
              ackP99Ratio: Number((during.p99 / without.p99).toFixed(2)),
            };
          })()
        : {};
    const sent = (await store.listDeliveries()).filter((d) => d.status === 'sent').length;
    if (!cut && (counter.posts !== count || sent !== count)) {
      throw new Error(
        `${backend.name} ${count}: ${counter.posts} posts and ${sent} recorded, expected ${count}`,
      );
    }
    return {
      backend: backend.name,
      subscriptions: count,
      ...(RATE !== undefined ? { pacedPerPlatform: RATE, posted: counter.posts } : {}),
      seconds: Number(seconds.toFixed(2)),
      postsPerSecond: Math.round(counter.posts / seconds),
      maxEventLoopDelayMs: Number((delay.max / 1e6).toFixed(1)),
      p99EventLoopDelayMs: Number((delay.percentile(99) / 1e6).toFixed(1)),
      longestTimerGapMs: Math.round(longestGap),
      ...acks,
    };
  } finally {
    await cleanup();
  }
}

const backends = [sqlite, ...(pgUrl ? [postgres(pgUrl)] : [])];
if (!pgUrl) process.stderr.write('bench:daily: PostgreSQL skipped (no --pg URL and no TEST_DATABASE_URL)\n');
const results = [];
for (const backend of backends) for (const size of sizes) results.push(await run(backend, size));
console.table(results);
