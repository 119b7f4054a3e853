/**
 * One side of the Slack benchmark, run as a child process so its memory is its own:
 * `bot` is pattern-bot's Slack service in HTTP mode, `bare` a Bolt app whose handler only acks.
 * Sends `{ port }` when listening; answers "stats" with its peak RSS.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { createSlackService } from '../src/adapters/slack/slack-app.js';
import { loadCatalogFile } from '../src/catalog-file.js';
import { createConversation } from '../src/conversation/create-conversation.js';
import { createBot } from '../src/core/bot.js';
import { createLogger } from '../src/logger.js';

const [kind, apiUrl, signingSecret, cache] = process.argv.slice(2);
if (!process.send || !apiUrl || !signingSecret || (kind !== 'bot' && kind !== 'bare')) {
  console.error('usage: (forked) slack-bench-server.ts bot|bare <apiUrl> <signingSecret> [no-cache]');
  process.exit(2);
}
const send = process.send.bind(process);
const token = 'xoxb-bench';

async function listen(): Promise<number> {
  if (kind === 'bot') {
    const bot = createBot(loadCatalogFile('data/patterns.tsv'));
    const logger = createLogger('info');
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
  app.command('/pattern', async ({ ack }) => {
    await ack();
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
