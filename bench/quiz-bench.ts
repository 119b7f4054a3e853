/**
 * bench:quiz — 1,000 people answering one question: every answer through the conversation's `act`
 * (decode the button, record it once in the store, build the private card), as Slack's and
 * Discord's click handlers call it. Two loads: all at once (a burst), and paced over a few seconds
 * (`--pace-seconds`, default 5; 1,000 in 5 s is 12 times "1,000 within a minute"). Reports the
 * answer latency p50/p99/max and checks that every answer was counted exactly once.
 * `npm run bench:quiz [-- --people 1000] [--pg postgres://…]` (or TEST_DATABASE_URL) runs PostgreSQL too.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConversation } from '../src/conversation/create-conversation.js';
import { decodeAction } from '../src/core/card/action.js';
import type { Card } from '../src/core/card/card.js';
import { loadBot } from '../src/load-catalog.js';
import { createLogger } from '../src/logger.js';
import { createQuiz } from '../src/quiz/create-quiz.js';
import { type Backend, postgres, sqlite } from './bench-stores.js';
import { percentile } from './stats.js';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const people = Number(option('--people') ?? 1000);
const paceSeconds = Number(option('--pace-seconds') ?? 5);
const pgUrl = option('--pg') ?? (process.env.TEST_DATABASE_URL || undefined);
const bot = loadBot('data/patterns.tsv');

const answerButtons = (card: Card) =>
  card.groups
    .flatMap((group) => group.buttons.map((button) => button.action))
    .filter((action) => decodeAction(action)?.type === 'quiz');

async function run(backend: Backend, load: 'burst' | 'paced') {
  const { store, cleanup } = await backend.open();
  try {
    const quiz = createQuiz({ bot, store, defaultTimeZone: 'UTC', leaderboard: true });
    const conversation = createConversation({
      bot,
      logger: createLogger('silent'),
      defaultTimeZone: 'UTC',
      quiz,
    });
    const question = await conversation.ask({
      text: 'quiz',
      platform: 'slack',
      userId: 'U0ASKER',
      workspaceId: 'T1',
      channelId: 'C1',
    });
    const buttons = answerButtons(question);
    const first = decodeAction(buttons[0]);
    if (first?.type !== 'quiz') throw new Error('the quiz card has no answer buttons');
    const latencies: number[] = [];
    const started = performance.now();
    const answer = async (i: number) => {
      if (load === 'paced') await sleep((i / people) * paceSeconds * 1000);
      const at = performance.now();
      const result = await conversation.act(buttons[i % buttons.length], {
        platform: 'slack',
        userId: `U${100000 + i}`,
        workspaceId: 'T1',
        channelId: 'C1',
      });
      latencies.push(performance.now() - at);
      if (result.type !== 'show') throw new Error(`answer ${i}: ${result.type}`);
    };
    await Promise.all(Array.from({ length: people }, (_, i) => answer(i)));
    const seconds = (performance.now() - started) / 1000;
    const tally = await store.quizTally(`${first.slug}~${first.hash}`, first.round);
    if (tally.answered !== people)
      throw new Error(`${backend.name}: ${tally.answered} counted, expected ${people}`);
    const sorted = latencies.sort((a, b) => a - b);
    return {
      backend: backend.name,
      load,
      answers: people,
      counted: tally.answered,
      seconds: Number(seconds.toFixed(2)),
      p50Ms: Number(percentile(sorted, 50).toFixed(1)),
      p99Ms: Number(percentile(sorted, 99).toFixed(1)),
      maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
    };
  } finally {
    await cleanup();
  }
}

const backends = [sqlite, ...(pgUrl ? [postgres(pgUrl)] : [])];
if (!pgUrl) process.stderr.write('bench:quiz: PostgreSQL skipped (no --pg URL and no TEST_DATABASE_URL)\n');
const results = [];
for (const backend of backends)
  for (const load of ['burst', 'paced'] as const) results.push(await run(backend, load));
console.table(results);
