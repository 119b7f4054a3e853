/**
 * One side of the Slack benchmark, run as a child process so its memory is its own:
 * `bot` is pattern-bot's Slack service in HTTP mode, `bare` a Bolt app whose handler only acks,
 * `sized` a bare Bolt app that acks each query with the body the bot would send (rendered before the
 * clock starts): what acking a reply that large costs, whoever builds it.
 * Sends `{ port }` when listening; answers "stats" with its peak RSS.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { renderCard } from '../src/adapters/slack/render-card.js';
import { createSlackService } from '../src/adapters/slack/slack-app.js';
import { createConversation } from '../src/conversation/create-conversation.js';
import { loadBotOffThread } from '../src/load-bot.js';
import { createLogger } from '../src/logger.js';
import { BENCH_QUERIES } from './slack-bench-queries.js';

const [kind, apiUrl, signingSecret, cache] = process.argv.slice(2);
if (!process.send || !apiUrl || !signingSecret || (kind !== 'bot' && kind !== 'bare' && kind !== 'sized')) {
  console.error('usage: (forked) slack-bench-server.ts bot|bare|sized <apiUrl> <signingSecret> [no-cache]');
  process.exit(2);
}
const send = process.send.bind(process);
const token = 'xoxb-bench';

async function listen(): Promise<number> {
  if (kind === 'bot') {
    const bot = await loadBotOffThread('data/patterns.tsv');
    const logger = createLogger('warn');
    const conversation = createConversation({
      bot,
      logger,
      defaultTimeZone: 'UTC',
      // --no-cache: every request renders its card again (no Card cache, hence no memoised JSON).
      ...(cache === 'no-cache' ? { cacheSize: 0 } : {}),
    });
    const service = createSlackService({
      config: { botToken: token, signingSecret: signingSecret as string, apiUrl },
      port: 0,
      host: '127.0.0.1',
      conversation,
      logger,
      retryConfig: { retries: 0 },
    });
    await service.start();
    return service.port() ?? 0;
  }
  const app = new App({
    token,
    signingSecret: signingSecret as string,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
    logLevel: LogLevel.ERROR,
    deferInitialization: true,
  });
  // The bodies the bot acks with, by query text, for `sized` (rendered once, before any request).
  const bodies = new Map<string, object>();
  if (kind === 'sized') {
    const bot = await loadBotOffThread('data/patterns.tsv');
    const conversation = createConversation({ bot, logger: createLogger('silent'), defaultTimeZone: 'UTC' });
    for (const text of BENCH_QUERIES) {
      bodies.set(text, {
        response_type: 'ephemeral',
        ...renderCard(await conversation.ask({ text, platform: 'slack' }), 'private'),
      });
    }
  }
  app.command('/pattern', async ({ ack, command }) => {
    const body = bodies.get(command.text);
    await (body ? ack(body) : ack());
  });
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  return server.address().port;
}

let cpuMark = process.cpuUsage();
process.on('message', (message) => {
  if (message === 'stop') process.exit(0);
  if (message === 'mark') cpuMark = process.cpuUsage();
  if (message === 'stats') {
    const cpu = process.cpuUsage(cpuMark);
    send({
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  }
});
listen().then(
  (port) => send({ port }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
