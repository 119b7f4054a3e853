/**
 * `npm run bench:discord [N]`: N autocomplete and N /pattern interactions through a local fake Discord
 * (loopback HTTP + WebSocket), to pattern-bot's Discord adapter and, in the same process and run, to a
 * bare discord.js client whose handlers reply with a fixed string. Latency is from the moment the
 * fake writes INTERACTION_CREATE to the gateway until the interaction callback request arrives at the
 * fake's REST server. Interactions are sent one at a time, alternating between the two clients. Each
 * client runs in its own child process (see discord-bench-client.ts); the fakes run in this one.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { autocomplete, type Dispatched, slashCommand } from '../tests/fakes/discord-payloads.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord } from '../tests/fakes/fake-discord.js';
import { CATALOG_FILE } from '../tests/helpers/catalog.js';
import type { ClientReport } from './discord-bench-client.js';

/** Interactions per kind per client; 2,000 by default, so the p99 is the 20th-slowest sample, not the 5th. */
const N = Math.min(Math.max(Number(process.argv[2] ?? process.env.BENCH_N ?? 2000) || 2000, 10), 20_000);
const WARMUP = Math.min(50, N);
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

/** Compiled by `tsc -p bench/tsconfig.json` (the npm script does it first). */
const CLIENT = fileURLToPath(new URL('../tmp/bench-build/bench/discord-bench-client.js', import.meta.url));

async function spawnClient(mode: 'pattern-bot' | 'bare', fake: FakeDiscord): Promise<ChildProcess> {
  const child = fork(CLIENT, [mode, fake.apiUrl, BOT_TOKEN, APPLICATION_ID, CATALOG_FILE], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [unknown];
  if (message !== 'ready') throw new Error(`${mode} client did not start: ${String(message)}`);
  return child;
}

async function stopClient(child: ChildProcess): Promise<ClientReport> {
  const report = once(child, 'message') as Promise<[ClientReport]>;
  child.send('stop');
  return (await report)[0];
}

async function timeOne(fake: FakeDiscord, send: (fake: FakeDiscord) => Dispatched): Promise<number> {
  const started = performance.now();
  const { id, token } = send(fake);
  const callback = await fake.callback(id, token, 10_000);
  fake.requests.length = 0; // keep the fake's record small
  return callback.at - started;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

async function main(): Promise<void> {
  const ours = await FakeDiscord.start();
  const bareFake = await FakeDiscord.start();
  const oursClient = await spawnClient('pattern-bot', ours);
  const bareClient = await spawnClient('bare', bareFake);

  const kinds = {
    autocomplete: (i: number) => (fake: FakeDiscord) => autocomplete(fake, TYPED[i % TYPED.length] ?? ''),
    slash: (i: number) => (fake: FakeDiscord) =>
      slashCommand(fake, { query: QUERIES[i % QUERIES.length] ?? '' }),
  };
  const results: Record<string, { ours: number[]; bare: number[] }> = {};
  for (const [kind, make] of Object.entries(kinds)) {
    const samples = { ours: [] as number[], bare: [] as number[] };
    for (let i = 0; i < WARMUP + N; i++) {
      const a = await timeOne(ours, make(i));
      const b = await timeOne(bareFake, make(i));
      if (i >= WARMUP) {
        samples.ours.push(a);
        samples.bare.push(b);
      }
    }
    results[kind] = samples;
  }

  const reports = [await stopClient(oursClient), await stopClient(bareClient)];
  await ours.close();
  await bareFake.close();

  const fmt = (ms: number) => ms.toFixed(2).padStart(7);
  console.log(
    `discord bench: N=${N} per kind per client (after ${WARMUP} warm-up), node ${process.version}, ` +
      `${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log('interaction → callback latency, ms   p50      p90      p99      max');
  let ok = true;
  for (const [kind, { ours: a, bare: b }] of Object.entries(results)) {
    const x = summary(a);
    const y = summary(b);
    const ratio = x.p99 / y.p99;
    console.log(
      `  ${kind.padEnd(13)} pattern-bot ${fmt(x.p50)}  ${fmt(x.p90)}  ${fmt(x.p99)}  ${fmt(x.max)}`,
    );
    console.log(`  ${''.padEnd(13)} bare        ${fmt(y.p50)}  ${fmt(y.p90)}  ${fmt(y.p99)}  ${fmt(y.max)}`);
    console.log(
      `  ${''.padEnd(13)} ratio p50 ${(x.p50 / y.p50).toFixed(2)}, p99 ${ratio.toFixed(2)} (target ≤ ${TARGETS.ratio})`,
    );
    if (ratio > TARGETS.ratio) ok = false;
    if (kind === 'autocomplete' && x.p99 > TARGETS.autocompleteP99Ms) {
      ok = false;
      const floor =
        y.p99 > TARGETS.autocompleteP99Ms
          ? "; the bare client misses it too (this machine's noise floor)"
          : '';
      console.log(`  ${''.padEnd(13)} autocomplete p99 above ${TARGETS.autocompleteP99Ms} ms${floor}`);
    }
  }
  for (const report of reports) {
    console.log(
      `peak RSS ${report.mode.padEnd(11)} ${report.maxRssMb.toFixed(1)} MB (after connecting: ${report.startRssMb.toFixed(1)} MB)`,
    );
  }
  console.log(
    `  (process.resourceUsage().maxRSS of each client's own process, compiled, run with plain node; target ≤ ${TARGETS.peakRssMb} MB for pattern-bot)`,
  );
  if ((reports[0]?.maxRssMb ?? Number.POSITIVE_INFINITY) > TARGETS.peakRssMb) ok = false;
  console.log(ok ? 'targets met' : 'TARGETS MISSED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
