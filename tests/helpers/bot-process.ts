import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './run.js';

/** A free TCP port on 127.0.0.1 (the bot's PORT must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it wrote so far (JSON log lines and any one-line error). */
  output(): string;
  /** Resolves once `/readyz` answers 200; rejects if the process ends first. */
  ready(timeoutMs?: number): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The bot as `npm start` runs it (src/main.ts through tsx), on 127.0.0.1:PORT, with only `env` set. */
export async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ENV_FILE: '/nonexistent/.env',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  return {
    child,
    port,
    output: () => output,
    exited,
    async ready(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (ended) throw new Error(`the bot ended before it was ready:\n${output}`);
        const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        await sleep(100);
      }
      throw new Error(`the bot was not ready within ${timeoutMs} ms:\n${output}`);
    },
  };
}

export interface RoundRobin {
  readonly url: string;
  /** Requests forwarded to each port, in the order given. */
  readonly forwarded: number[];
  close(): Promise<void>;
}

/** One address in front of several: each request goes to the next port in turn (a load balancer's default). */
export async function startRoundRobin(ports: readonly number[]): Promise<RoundRobin> {
  const forwarded = ports.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % ports.length;
    forwarded[index] = (forwarded[index] ?? 0) + 1;
    const upstream = request(
      { host: '127.0.0.1', port: ports[index], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
