/**
 * Ack latency of `/pattern` over HTTP on loopback: pattern-bot's Slack service against a bare Bolt app
 * whose handler only acks, in the same run, alternating rounds so both see the same machine state.
 * Each server runs in its own child process; the bot's peak RSS is that process's
 * `process.resourceUsage().maxRSS`. By default both servers run as compiled JavaScript under plain
 * node, as the Docker image runs the bot; `--runtime tsx` runs them under tsx, as `npm start` does.
 *
 * `--no-cache` turns off the bot's reply cache, so every request searches and renders (the work a first
 * question costs); by default the 7 queries repeat, as popular questions do, and are answered from it.
 *
 * Usage: npm run bench:slack [-- --requests 2000 --concurrency 50 --rounds 10 --runtime node|tsx --no-cache]
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { slackSignature, slashCommandBody, startFakeSlack } from '../tests/fakes/fake-slack.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '200' },
    runtime: { type: 'string', default: 'node' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const NO_CACHE = values['no-cache'];
const RUNTIME = values.runtime === 'tsx' ? 'tsx' : 'node';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED = `${ROOT}tmp/slack-bench`;
const N = Number(values.requests);
const C = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const SECRET = 'bench-signing-secret';
const TIMEOUT_MS = 5000;
const QUERIES = [
  'saga',
  'compare cqrs event sourcing',
  'list',
  'category data',
  'circuit braker',
  'help',
  'zzz',
];

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
      '--outDir',
      COMPILED,
      '--rootDir',
      '.',
      ...flags.split(' '),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

function start(kind: 'bot' | 'bare', apiUrl: string): Promise<Server> {
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
    child.once('message', (message) =>
      resolve({ name: kind, child, port: (message as { port: number }).port }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function stats(server: Server): Promise<{ maxRssBytes: number; rssBytes: number; cpuMs: number }> {
  return new Promise((resolve) => {
    server.child.once('message', (message) =>
      resolve(message as { maxRssBytes: number; rssBytes: number; cpuMs: number }),
    );
    server.child.send('stats');
  });
}

/** One signed /pattern request; resolves with its latency in ms, or an error word. */
function send(port: number, agent: Agent, text: string, expectBody: boolean): Promise<number | string> {
  const body = slashCommandBody(text, 'http://127.0.0.1:9/response');
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...slackSignature(SECRET, body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (res.statusCode !== 200) resolve(`status ${res.statusCode}`);
          else if (expectBody && !text.includes('"response_type":"ephemeral"')) resolve('no answer in ack');
          else resolve(ms);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve(error.message));
    req.end(body);
  });
}

async function load(server: Server, agent: Agent, count: number, latencies: number[], errors: string[]) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const result = await send(
        server.port,
        agent,
        QUERIES[i % QUERIES.length] as string,
        server.name === 'bot',
      );
      if (typeof result === 'number') latencies.push(result);
      else errors.push(result);
    }
  };
  await Promise.all(Array.from({ length: C }, worker));
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

async function main(): Promise<number> {
  if (RUNTIME === 'node') compile();
  const fake = await startFakeSlack();
  const servers = [await start('bot', fake.apiUrl), await start('bare', fake.apiUrl)];
  const results = new Map(
    servers.map((s) => [s.name, { latencies: [] as number[], errors: [] as string[] }]),
  );
  const agents = new Map(servers.map((s) => [s.name, new Agent({ keepAlive: true, maxSockets: C })]));
  try {
    for (const server of servers) await load(server, agents.get(server.name) as Agent, WARMUP, [], []);
    for (const server of servers) server.child.send('mark');
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
    const rows = servers.map((server) => {
      const { latencies, errors } = results.get(server.name) ?? { latencies: [], errors: [] };
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        name: server.name,
        sent: latencies.length + errors.length,
        errors,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
      };
    });
    const botStats = await stats(servers[0] as Server);
    const bareStats = await stats(servers[1] as Server);
    const [bot, bare] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const ratio = bot.p99 / bare.p99;
    const peakMb = botStats.maxRssBytes / 1024 / 1024;
    console.log(
      `Slack /pattern ack latency, HTTP on loopback: ${N} requests each, concurrency ${C}, ${ROUNDS} alternating rounds, runtime ${RUNTIME}, reply cache ${NO_CACHE ? 'off' : 'on'}`,
    );
    console.log('server  requests  errors  p50 ms  p99 ms');
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(6)}  ${String(row.sent).padStart(8)}  ${String(row.errors.length).padStart(6)}  ${row.p50.toFixed(2).padStart(6)}  ${row.p99.toFixed(2).padStart(6)}`,
      );
    }
    console.log(`p99 ratio bot/bare: ${ratio.toFixed(2)} (target ≤ 1.25)`);
    console.log(
      `bot peak RSS: ${peakMb.toFixed(1)} MB (child process maxRSS under ${RUNTIME}; target ≤ 150); ` +
        `bare Bolt: ${(bareStats.maxRssBytes / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log(
      `server CPU per request: bot ${((botStats.cpuMs / N) * 1000).toFixed(0)} µs, bare ${((bareStats.cpuMs / N) * 1000).toFixed(0)} µs (ratio ${(botStats.cpuMs / bareStats.cpuMs).toFixed(2)})`,
    );
    const firstErrors = [...bot.errors, ...bare.errors].slice(0, 5);
    if (firstErrors.length > 0) console.log(`first errors: ${firstErrors.join('; ')}`);
    const ok = bot.errors.length === 0 && bare.errors.length === 0 && ratio <= 1.25 && peakMb <= 150;
    console.log(ok ? 'targets met' : 'TARGETS MISSED');
    return ok ? 0 : 1;
  } finally {
    for (const agent of agents.values()) agent.destroy();
    for (const server of servers) server.child.send('stop');
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
