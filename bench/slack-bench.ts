/**
 * Ack latency of `/pattern` over HTTP on loopback: pattern-bot's Slack service against a bare Bolt app
 * whose handler only acks, in the same run, alternating rounds so both see the same machine state.
 * Each server runs in its own child process; the bot's peak RSS is that process's
 * `process.resourceUsage().maxRSS`. By default both servers run as compiled JavaScript under plain
 * node, as the Docker image runs the bot; `--runtime tsx` runs them under tsx, as `npm start` does.
 *
 * A trial is the whole run the issue describes, in fresh processes: both servers start, answer
 * `--warmup` requests unmeasured (2,000: V8 needs that many to compile the hot paths; with 200, the first
 * rounds measured mostly the JIT), then N measured requests each. `--trials` independent trials (6, half
 * of them with the bare server first). The p99 checked is over all the trials' requests, every trial
 * printed: on this 2-vCPU machine one scheduling stall moves a single 2,000-request p99 by ±20% or more
 * (`--calibrate` runs bare Bolt against bare Bolt to show it). The server CPU per request is steadier.
 *
 * `--no-cache` turns off the bot's reply cache, so every request searches and renders (the work a first
 * question costs); by default the 7 queries repeat, as popular questions do, and are answered from it.
 * `--sized` puts a bare Bolt app that acks each query with the bot's own body (rendered before the clock
 * starts) in the baseline's place: what the bot costs beyond sending a reply that large.
 *
 * Usage: npm run bench:slack [-- --requests 2000 --concurrency 50 --rounds 10 --trials 6 --warmup 2000
 *   --runtime node|tsx --no-cache --sized --calibrate]
 */

import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { slackSignature, slashCommandBody, startFakeSlack } from '../tests/fakes/fake-slack.js';
import { BENCH_QUERIES } from './slack-bench-queries.js';
import { median, percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '10' },
    trials: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2000' },
    runtime: { type: 'string', default: 'node' },
    'no-cache': { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    sized: { type: 'boolean', default: false },
  },
});
const NO_CACHE = values['no-cache'];
/** A/A: both servers are bare Bolt, so the ratios show this machine's noise floor. */
const CALIBRATE = values.calibrate;
/** The baseline acks each query with the bot's own body (rendered beforehand): the cost of the reply's size alone. */
const SIZED = values.sized;
const RUNTIME = values.runtime === 'tsx' ? 'tsx' : 'node';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED = `${ROOT}tmp/slack-bench`;
const N = Number(values.requests);
const C = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const TRIALS = Math.max(1, Number(values.trials));
const WARMUP = Number(values.warmup);
const SECRET = 'bench-signing-secret';
const TIMEOUT_MS = 5000;
const QUERIES = BENCH_QUERIES;

interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
}

/** Compiles the server (and the src it imports) to tmp/slack-bench, as `npm run build` would. */
function compile(): void {
  const tsc = `${ROOT}node_modules/typescript/bin/tsc`;
  const flags = '--module nodenext --moduleResolution nodenext --target es2023 --skipLibCheck --types node';
  execFileSync(
    process.execPath,
    [
      tsc,
      '--ignoreConfig',
      'bench/slack-bench-server.ts',
      // Loaded as a worker by its path, so no import leads the compiler to it.
      'src/content-worker.ts',
      '--outDir',
      COMPILED,
      '--rootDir',
      '.',
      ...flags.split(' '),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

function start(name: 'bot' | 'bare', apiUrl: string, kind: 'bot' | 'bare' | 'sized' = name): Promise<Server> {
  const script =
    RUNTIME === 'tsx' ? `${ROOT}bench/slack-bench-server.ts` : `${COMPILED}/bench/slack-bench-server.js`;
  const child = fork(script, [kind, apiUrl, SECRET, ...(NO_CACHE ? ['no-cache'] : [])], {
    cwd: ROOT,
    execArgv: [
      ...(RUNTIME === 'tsx' ? ['--import', 'tsx'] : []),
      ...(process.env.SLACK_BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ name, child, port: (message as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

interface ServerStats {
  readonly maxRssBytes: number;
  readonly cpuMs: number;
}

function stats(server: Server): Promise<ServerStats> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve(message as ServerStats));
    server.child.send('stats');
  });
}

/** A signed `/pattern` request, built before the clock starts so the load generator stays light. */
interface Prepared {
  readonly body: Buffer;
  readonly headers: Record<string, string | number>;
}

/** The QUERIES as signed requests, signed now (Bolt accepts a signature for 5 minutes; a trial takes seconds). */
function prepare(): Prepared[] {
  return QUERIES.map((text) => {
    const body = slashCommandBody(text, 'http://127.0.0.1:9/response');
    return {
      body: Buffer.from(body),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        ...slackSignature(SECRET, body),
      },
    };
  });
}

/** Sends one request; resolves with its latency in ms, or an error word. */
function send(port: number, agent: Agent, prepared: Prepared, expectBody: boolean): Promise<number | string> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: prepared.headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const ms = performance.now() - started;
          if (res.statusCode !== 200) resolve(`status ${res.statusCode}`);
          else if (expectBody && !text.includes('"response_type":"ephemeral"')) resolve('no answer in ack');
          else resolve(ms);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve(error.message));
    req.end(prepared.body);
  });
}

async function load(server: Server, agent: Agent, count: number, latencies: number[], errors: string[]) {
  const requests = prepare();
  const expectBody = server.name === 'bot' && !CALIBRATE;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const result = await send(server.port, agent, requests[i % requests.length] as Prepared, expectBody);
      if (typeof result === 'number') latencies.push(result);
      else errors.push(result);
    }
  };
  await Promise.all(Array.from({ length: C }, worker));
}

interface Row {
  readonly name: string;
  readonly sent: number;
  readonly errors: string[];
  readonly p50: number;
  readonly p99: number;
  readonly latencies: readonly number[];
}

/** One trial: N requests to each server, in alternating rounds so both see the same machine state. */
async function trial(servers: readonly Server[], agents: Map<string, Agent>): Promise<Row[]> {
  const results = new Map(
    servers.map((s) => [s.name, { latencies: [] as number[], errors: [] as string[] }]),
  );
  const perRound = Math.ceil(N / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) {
      const result = results.get(server.name);
      const done = result?.latencies.length ?? 0;
      const count = Math.min(perRound, N - done - (result?.errors.length ?? 0));
      if (result && count > 0)
        await load(server, agents.get(server.name) as Agent, count, result.latencies, result.errors);
    }
  }
  return servers.map((server) => {
    const { latencies, errors } = results.get(server.name) ?? { latencies: [], errors: [] };
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      name: server.name,
      sent: latencies.length + errors.length,
      errors,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      latencies: sorted,
    };
  });
}

interface Trial {
  readonly bot: Row;
  readonly bare: Row;
  readonly botStats: ServerStats;
  readonly bareStats: ServerStats;
}

/** One independent run: both servers started afresh, warmed up, measured, and stopped. */
async function runTrial(apiUrl: string, botFirst: boolean): Promise<Trial> {
  const bot = () => start('bot', apiUrl, CALIBRATE ? 'bare' : 'bot');
  const bare = () => start('bare', apiUrl, SIZED ? 'sized' : 'bare');
  // Which server starts, warms up and goes first alternates between trials: going first is no edge.
  const servers = botFirst ? [await bot(), await bare()] : [await bare(), await bot()];
  const agents = new Map(servers.map((s) => [s.name, new Agent({ keepAlive: true, maxSockets: C })]));
  try {
    for (const server of servers) await load(server, agents.get(server.name) as Agent, WARMUP, [], []);
    for (const server of servers) server.child.send('mark');
    const rows = await trial(servers, agents);
    const named = (name: string) => servers.findIndex((server) => server.name === name);
    return {
      bot: rows[named('bot')] as Row,
      bare: rows[named('bare')] as Row,
      botStats: await stats(servers[named('bot')] as Server),
      bareStats: await stats(servers[named('bare')] as Server),
    };
  } finally {
    for (const agent of agents.values()) agent.destroy();
    for (const server of servers) server.child.send('stop');
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<number> {
  if (RUNTIME === 'node') compile();
  const fake = await startFakeSlack();
  try {
    console.log(
      `${CALIBRATE ? 'CALIBRATION (A/A: bare Bolt in both places) ' : ''}${SIZED ? "BASELINE: bare Bolt acking the bot's own bodies. " : ''}Slack /pattern ack latency, HTTP on loopback: ${TRIALS} independent trials of ${N} requests to each ` +
        `server after ${WARMUP} warm-up requests each, concurrency ${C}, ${ROUNDS} alternating rounds a ` +
        `trial; runtime ${RUNTIME}, reply cache ${NO_CACHE ? 'off' : 'on'}`,
    );
    console.log('trial  server  requests  errors  p50 ms  p99 ms  p99 ratio  CPU µs/req  peak RSS MB');
    const trials: Trial[] = [];
    for (let t = 1; t <= TRIALS; t++) {
      const result = await runTrial(fake.apiUrl, t % 2 === 1);
      trials.push(result);
      const ratio = result.bot.p99 / result.bare.p99;
      for (const [row, rowStats] of [
        [result.bot, result.botStats],
        [result.bare, result.bareStats],
      ] as const) {
        console.log(
          `${String(t).padStart(5)}  ${row.name.padEnd(6)}  ${String(row.sent).padStart(8)}  ${String(row.errors.length).padStart(6)}  ${row.p50.toFixed(2).padStart(6)}  ${row.p99.toFixed(2).padStart(6)}  ${(row === result.bot ? ratio.toFixed(2) : '').padStart(9)}  ${((rowStats.cpuMs / N) * 1000).toFixed(0).padStart(10)}  ${mb(rowStats.maxRssBytes).toFixed(1).padStart(11)}`,
        );
      }
    }
    const ratios = trials.map((t) => t.bot.p99 / t.bare.p99);
    const pooled = (rows: readonly Row[], p: number) =>
      percentile(
        rows.flatMap((r) => r.latencies).sort((x, y) => x - y),
        p,
      );
    const bots = trials.map((t) => t.bot);
    const bares = trials.map((t) => t.bare);
    const ratio = pooled(bots, 99) / pooled(bares, 99);
    const cpuRatio = median(trials.map((t) => t.botStats.cpuMs / t.bareStats.cpuMs));
    const peakMb = Math.max(...trials.map((t) => mb(t.botStats.maxRssBytes)));
    const errors = trials.flatMap((t) => [...t.bot.errors, ...t.bare.errors]);
    const total = N * TRIALS;
    console.log(`all ${total} requests each:  p50 ms  p99 ms`);
    console.log(
      `  bot                ${pooled(bots, 50).toFixed(2).padStart(6)}  ${pooled(bots, 99).toFixed(2).padStart(6)}`,
    );
    console.log(
      `  bare               ${pooled(bares, 50).toFixed(2).padStart(6)}  ${pooled(bares, 99).toFixed(2).padStart(6)}`,
    );
    console.log(
      `p99 ratio bot/bare: ${ratio.toFixed(2)} (target ≤ 1.25); per trial: median ${median(ratios).toFixed(2)}, ` +
        `min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`,
    );
    console.log(`server CPU per request, bot/bare: ${cpuRatio.toFixed(2)} (median of the trials)`);
    console.log(
      `bot peak RSS: ${peakMb.toFixed(1)} MB, the highest of the trials (child process maxRSS under ${RUNTIME}; target ≤ 150); ` +
        `bare Bolt: ${Math.max(...trials.map((t) => mb(t.bareStats.maxRssBytes))).toFixed(1)} MB`,
    );
    if (errors.length > 0) console.log(`errors: ${errors.length}, first: ${errors.slice(0, 5).join('; ')}`);
    const ok = errors.length === 0 && ratio <= 1.25 && peakMb <= 150;
    console.log(ok ? 'targets met' : 'TARGETS MISSED');
    return ok ? 0 : 1;
  } finally {
    await fake.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
