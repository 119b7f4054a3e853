/**
 * Search quality and latency: the bot's answer() against fuse.js with its default options, on the same
 * query set, at 12, 1,000 and 10,000 patterns. Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { answerToJson } from '../src/core/answer-to-json.js';
import { type BotOptions, createBot } from '../src/core/bot.js';
import type { Pattern } from '../src/core/pattern.js';
import { englishWords } from '../src/english-words.js';
import { loadBot, loadCatalog } from '../src/load-catalog.js';
import { CATALOG_FILE } from '../tests/helpers/catalog.js';
import { reportEvalSets } from './eval-report.js';
import { type BenchQuery, BLIND_FILE, evaluateBot, isLookup, loadQueries, outcome } from './query-set.js';
import { syntheticCatalog } from './synthetic-catalog.js';

const SIZES = [12, 1_000, 10_000];
const ROUNDS = 20;
/** fuse.js takes about a second a query at 10,000 patterns: above this size it is timed on one pass. */
const FUSE_FULL_TIMING_UP_TO = 1_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function timeEach(queries: readonly BenchQuery[], run: (q: string) => unknown, rounds = ROUNDS): number[] {
  for (const q of queries) run(q.query);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      run(q.query);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

interface Row {
  engine: string;
  size: number;
  lookupTop1: string;
  allIntents: string;
  nonsense: string;
  p50: number;
  p99: number;
  build: number;
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;

function measure(
  patterns: Pattern[],
  queries: readonly BenchQuery[],
  options: BotOptions,
): { rows: Row[]; misses: string[] } {
  const lookups = queries.filter(isLookup);
  const nonsense = queries.filter((q) => q.expect === 'none');
  const intents = queries.filter((q) => q.expect !== 'none');

  let start = performance.now();
  const bot = createBot(patterns, options);
  const botBuild = performance.now() - start;
  start = performance.now();
  const fuse = new Fuse(patterns, { keys: ['code', 'slug', 'name', 'description', 'category', 'aliases'] });
  const fuseBuild = performance.now() - start;

  const misses: string[] = [];
  const botOutcome = (q: BenchQuery) => outcome(answerToJson(bot.answer(q.query)), q.expect);
  const botRight = (q: BenchQuery) => {
    const got = botOutcome(q);
    if (got !== q.expect)
      misses.push(`  [${patterns.length}] ${q.group}: "${q.query}" → ${got} (expected ${q.expect})`);
    return got === q.expect;
  };
  const botIntents = intents.filter(botRight).length;
  const botLookups = lookups.filter((q) => botOutcome(q) === q.expect).length;
  const botNonsense = nonsense.filter(botRight).length;
  const fuseTop = new Map<string, string | undefined>();
  const fuseOnce: number[] = [];
  for (const q of queries) {
    const begin = performance.now();
    fuseTop.set(q.query, fuse.search(q.query, { limit: 5 })[0]?.item.slug);
    fuseOnce.push(performance.now() - begin);
  }
  const fuseLookups = lookups.filter((q) => fuseTop.get(q.query) === q.expect).length;
  const fuseNonsense = nonsense.filter((q) => fuseTop.get(q.query) === undefined).length;

  const botTimes = timeEach(queries, (q) => bot.answer(q));
  const fuseTimes =
    patterns.length <= FUSE_FULL_TIMING_UP_TO
      ? timeEach(queries, (q) => fuse.search(q, { limit: 5 }), 5)
      : fuseOnce;
  return {
    misses,
    rows: [
      {
        engine: 'pattern-bot',
        size: patterns.length,
        lookupTop1: pct(botLookups, lookups.length),
        allIntents: pct(botIntents, intents.length),
        nonsense: pct(botNonsense, nonsense.length),
        p50: percentile(botTimes, 50),
        p99: percentile(botTimes, 99),
        build: botBuild,
      },
      {
        engine: 'fuse.js defaults',
        size: patterns.length,
        lookupTop1: pct(fuseLookups, lookups.length),
        allIntents: 'n/a',
        nonsense: pct(fuseNonsense, nonsense.length),
        p50: percentile(fuseTimes, 50),
        p99: percentile(fuseTimes, 99),
        build: fuseBuild,
      },
    ],
  };
}

const queries = loadQueries();
const catalog = loadCatalog(CATALOG_FILE);
const real = catalog.patterns;
// The bot as it runs: content, glossary, pair notes and the English word list (loaded before timing).
const isWord = (word: string) => englishWords().has(word);
englishWords();
const options: BotOptions = { glossary: catalog.glossary, comparisons: catalog.comparisons, isWord };
console.log(
  `Query set: ${queries.length} queries (${queries.filter(isLookup).length} lookups, ${queries.filter((q) => q.expect === 'none').length} nonsense); ` +
    `latency: each query ${ROUNDS}× for pattern-bot, 5× for fuse.js (once at 10,000), after a warm-up pass; node ${process.version}.\n`,
);
console.log(
  '| patterns | engine | lookup top-1 | all intents | nonsense rejected | p50 ms | p99 ms | index build ms |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
const allMisses: string[] = [];
for (const size of SIZES) {
  const { rows, misses } = measure(syntheticCatalog(real, size), queries, options);
  allMisses.push(...misses);
  for (const r of rows) {
    console.log(
      `| ${r.size} | ${r.engine} | ${r.lookupTop1} | ${r.allIntents} | ${r.nonsense} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.build.toFixed(1)} |`,
    );
  }
}
console.log(
  allMisses.length > 0 ? `\npattern-bot misses:\n${allMisses.join('\n')}` : '\npattern-bot: no misses',
);
console.log(
  '\nTargets: ≥ 97% top-1 and 100% nonsense rejected at 12 patterns; p99 ≤ 1 ms at 12 and ≤ 5 ms at 1,000.',
);

// The blind set was written after the engine was tuned on queries.tsv, without looking at the
// aliases, and is never tuned on: its score is the honest estimate for queries nobody anticipated.
const blind = loadQueries(BLIND_FILE);
const blindResult = evaluateBot(createBot(real, options), blind);
const blindNonsense = blind.filter((q) => q.expect === 'none');
const blindNonsenseMissed = blindResult.misses.filter((m) => m.query.expect === 'none').length;
console.log(
  `\nBlind set (${blind.length} queries, 12 patterns): ${pct(blindResult.correct, blind.length)} right; ` +
    `nonsense rejected ${pct(blindNonsense.length - blindNonsenseMissed, blindNonsense.length)}`,
);
for (const miss of blindResult.misses) {
  console.log(`  ${miss.query.group}: "${miss.query.query}" → ${miss.got} (expected ${miss.query.expect})`);
}

reportEvalSets(loadBot('data/patterns.tsv'));
