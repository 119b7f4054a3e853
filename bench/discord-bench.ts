/**
 * `npm run bench:discord`: N autocomplete and N /pattern interactions through a local fake Discord
 * (loopback HTTP + WebSocket) to pattern-bot's Discord adapter and, in the same run, to a bare
 * discord.js client whose handlers reply with a fixed string. Latency is from the moment the fake writes
 * INTERACTION_CREATE to the gateway until the interaction callback request arrives at the fake's REST
 * server. Interactions go one at a time, alternating between the two clients (which one goes first
 * alternates too). Each client runs in its own child process (discord-bench-client.ts, compiled, plain
 * node); the fakes run in this one.
 *
 * As in bench:slack, a trial is a whole run in fresh processes: both clients connect, answer `--warmup`
 * interactions of each kind unmeasured (V8 compiles the hot paths), then N measured ones. The p99s
 * checked are over all trials' samples, each trial printed; `--calibrate` runs bare against bare to show
 * this machine's noise floor; `--no-cache` turns off the conversation's card and completion caches.
 *
 * Usage: npm run bench:discord [-- N] [-- --trials 4 --warmup 500 --calibrate --no-cache]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { autocomplete, type Dispatched, slashCommand } from '../tests/fakes/discord-payloads.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord } from '../tests/fakes/fake-discord.js';
import { CATALOG_FILE } from '../tests/helpers/catalog.js';
import type { ClientMode, ClientReport } from './discord-bench-client.js';
import { median, percentile } from './stats.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    trials: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '500' },
    calibrate: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
/** Interactions per kind per client per trial (2,000: the p99 is the 20th-slowest sample, not the 5th). */
const N = Math.min(Math.max(Number(positionals[0] ?? process.env.BENCH_N ?? 2000) || 2000, 10), 20_000);
const WARMUP = Math.max(0, Number(values.warmup));
const TRIALS = Math.max(1, Number(values.trials));
const CALIBRATE = values.calibrate;
const TARGETS = { autocompleteP99Ms: 20, ratio: 1.25, peakRssMb: 150 };
const QUERIES = [
  'saga',
  'compare cqrs event sourcing',
  'list',
  'circuit braker',
  'pizza',
  'help',
  'category data',
];
const TYPED = ['s', 'sag', 'event so', 'circ', '', 'compare cq', 'what is a sidecar'];
const KINDS = {
  autocomplete: (i: number) => (fake: FakeDiscord) => autocomplete(fake, TYPED[i % TYPED.length] ?? ''),
  slash: (i: number) => (fake: FakeDiscord) =>
    slashCommand(fake, { query: QUERIES[i % QUERIES.length] ?? '' }),
};
type Kind = keyof typeof KINDS;

/** Compiled by `tsc -p bench/tsconfig.json` (the npm script does it first). */
const CLIENT = fileURLToPath(new URL('../tmp/bench-build/bench/discord-bench-client.js', import.meta.url));

interface Side {
  readonly name: 'pattern-bot' | 'bare';
  readonly fake: FakeDiscord;
  readonly child: ChildProcess;
}

async function startSide(name: Side['name']): Promise<Side> {
  const mode: ClientMode = name === 'bare' || CALIBRATE ? 'bare' : 'pattern-bot';
  const fake = await FakeDiscord.start();
  const child = fork(
    CLIENT,
    [mode, fake.apiUrl, BOT_TOKEN, APPLICATION_ID, CATALOG_FILE, values['no-cache'] ? 'no-cache' : ''],
    { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const [message] = (await once(child, 'message')) as [unknown];
  if (message !== 'ready') throw new Error(`${name} client did not start: ${String(message)}`);
  return { name, fake, child };
}

async function ask<T>(side: Side, message: string): Promise<T> {
  const reply = once(side.child, 'message') as Promise<[T]>;
  side.child.send(message);
  return (await reply)[0];
}

async function timeOne(fake: FakeDiscord, send: (fake: FakeDiscord) => Dispatched): Promise<number> {
  const started = performance.now();
  const { id, token } = send(fake);
  const callback = await fake.callback(id, token, 10_000);
  fake.requests.length = 0; // keep the fake's record small
  return callback.at - started;
}

type Samples = Record<Kind, { ours: number[]; bare: number[] }>;

interface Trial {
  readonly samples: Samples;
  readonly ours: ClientReport;
  readonly bare: ClientReport;
}

/** One independent run: fresh fakes and clients, warm-up, N measured interactions of each kind. */
async function runTrial(): Promise<Trial> {
  const ours = await startSide('pattern-bot');
  const bare = await startSide('bare');
  try {
    const samples = {} as Samples;
    for (const measured of [false, true]) {
      if (measured) for (const side of [ours, bare]) await ask(side, 'mark');
      for (const [kind, make] of Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][]) {
        const got = { ours: [] as number[], bare: [] as number[] };
        const count = measured ? N : WARMUP;
        for (let i = 0; i < count; i++) {
          // Going first is no edge: the order within each pair alternates.
          const first = i % 2 === 0 ? ours : bare;
          const second = first === ours ? bare : ours;
          const a = await timeOne(first.fake, make(i));
          const b = await timeOne(second.fake, make(i));
          got.ours.push(first === ours ? a : b);
          got.bare.push(first === ours ? b : a);
        }
        if (measured) samples[kind] = got;
      }
    }
    return { samples, ours: await ask(ours, 'stop'), bare: await ask(bare, 'stop') };
  } finally {
    for (const side of [ours, bare]) await side.fake.close();
  }
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const fmt = (ms: number) => ms.toFixed(2).padStart(7);

async function main(): Promise<void> {
  console.log(
    `${CALIBRATE ? 'CALIBRATION (A/A: bare in both places) ' : ''}discord bench: ${TRIALS} independent trials ` +
      `of N=${N} per kind per client after ${WARMUP} warm-up each; node ${process.version}, ` +
      `${availableParallelism()} CPUs; pattern-bot caches ${values['no-cache'] ? 'off' : 'on'}`,
  );
  const trials: Trial[] = [];
  for (let t = 1; t <= TRIALS; t++) {
    const trial = await runTrial();
    trials.push(trial);
    const parts = (Object.keys(KINDS) as Kind[]).map((kind) => {
      const { ours, bare } = trial.samples[kind];
      const x = percentile(sorted(ours), 99);
      const y = percentile(sorted(bare), 99);
      return `${kind} p99 ${x.toFixed(2)} / ${y.toFixed(2)} ms (ratio ${(x / y).toFixed(2)})`;
    });
    console.log(
      `  trial ${t}: ${parts.join('; ')}; CPU ms ${trial.ours.cpuMs.toFixed(0)} / ${trial.bare.cpuMs.toFixed(0)}`,
    );
  }

  console.log(`all trials (${N * TRIALS} per kind per client), ms        p50      p90      p99      max`);
  let ok = true;
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const ours = sorted(trials.flatMap((t) => t.samples[kind].ours));
    const bare = sorted(trials.flatMap((t) => t.samples[kind].bare));
    const row = (s: number[]) =>
      `${fmt(percentile(s, 50))}  ${fmt(percentile(s, 90))}  ${fmt(percentile(s, 99))}  ${fmt(s.at(-1) ?? Number.NaN)}`;
    console.log(`  ${kind.padEnd(13)} pattern-bot                     ${row(ours)}`);
    console.log(`  ${''.padEnd(13)} bare                            ${row(bare)}`);
    const ratio = percentile(ours, 99) / percentile(bare, 99);
    console.log(
      `  ${''.padEnd(13)} ratio p50 ${(percentile(ours, 50) / percentile(bare, 50)).toFixed(2)}, p99 ${ratio.toFixed(2)} (target ≤ ${TARGETS.ratio})`,
    );
    if (ratio > TARGETS.ratio) ok = false;
    if (kind === 'autocomplete' && percentile(ours, 99) > TARGETS.autocompleteP99Ms) {
      ok = false;
      console.log(`  ${''.padEnd(13)} autocomplete p99 above ${TARGETS.autocompleteP99Ms} ms`);
    }
  }
  const cpuRatio = median(trials.map((t) => t.ours.cpuMs / t.bare.cpuMs));
  console.log(`client CPU, pattern-bot/bare: ${cpuRatio.toFixed(2)} (median of the trials)`);
  const peak = (pick: (t: Trial) => ClientReport) => Math.max(...trials.map((t) => pick(t).maxRssMb));
  const connected = (pick: (t: Trial) => ClientReport) =>
    median(trials.map((t) => pick(t).startRssMb)).toFixed(1);
  console.log(
    `peak RSS, the highest of the trials: pattern-bot ${peak((t) => t.ours).toFixed(1)} MB, bare ${peak((t) => t.bare).toFixed(1)} MB ` +
      `(process.resourceUsage().maxRSS of each client's own process; target ≤ ${TARGETS.peakRssMb} MB for pattern-bot); ` +
      `after connecting: ${connected((t) => t.ours)} and ${connected((t) => t.bare)} MB`,
  );
  if (peak((t) => t.ours) > TARGETS.peakRssMb) ok = false;
  console.log(ok ? 'targets met' : 'TARGETS MISSED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
