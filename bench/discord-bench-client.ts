/**
 * One side of `bench:discord`, run in its own process so that its memory and pauses are its own:
 * `pattern-bot` (the real adapter) or `bare` (a discord.js client that replies with a fixed string).
 * Connects to the fake Discord at argv[3], says `ready` over IPC; on `mark` starts counting CPU time;
 * on `stop` reports its peak RSS and CPU time.
 * `bench:discord` compiles it with tsc and runs it with plain node, as production runs `dist/`.
 */
import { Writable } from 'node:stream';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createDiscordService } from '../src/adapters/discord/discord-client.js';
import { createConversation } from '../src/conversation/create-conversation.js';
import { loadBotOffThread } from '../src/load-bot.js';
import { createLogger } from '../src/logger.js';

export type ClientMode = 'pattern-bot' | 'bare';

export interface ClientReport {
  readonly mode: ClientMode;
  readonly maxRssMb: number;
  readonly startRssMb: number;
  /** CPU time (user + system) since the last `mark`. */
  readonly cpuMs: number;
}

const [modeArg, apiUrl = '', token = '', applicationId = '', catalogFile = '', cache = ''] =
  process.argv.slice(2);
const mode: ClientMode = modeArg === 'pattern-bot' ? 'pattern-bot' : 'bare';

async function startPatternBot(): Promise<() => Promise<void>> {
  const bot = await loadBotOffThread(catalogFile);
  const logger = createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() }));
  // As createApp builds it; --no-cache turns off the conversation's card and completion caches.
  const conversation = createConversation({
    bot,
    logger,
    defaultTimeZone: 'UTC',
    ...(cache === 'no-cache' ? { cacheSize: 0 } : {}),
  });
  const service = createDiscordService({ config: { token, applicationId, apiUrl }, conversation, logger });
  await service.start();
  return () => service.stop();
}

async function startBare(): Promise<() => Promise<void>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: apiUrl },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isAutocomplete())
      void interaction.respond([{ name: 'fixed', value: 'fixed' }]).catch(() => {});
    else if (interaction.isChatInputCommand()) void interaction.reply('fixed').catch(() => {});
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  await ready;
  return () => client.destroy();
}

const stop = await (mode === 'pattern-bot' ? startPatternBot() : startBare());
const startRssMb = process.memoryUsage.rss() / 1048576;
process.send?.('ready');
let cpuMark = process.cpuUsage();
process.on('message', async (message) => {
  if (message === 'mark') {
    cpuMark = process.cpuUsage();
    process.send?.('marked');
  }
  if (message !== 'stop') return;
  const cpu = process.cpuUsage(cpuMark);
  const report: ClientReport = {
    mode,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  await stop();
  process.send?.(report, () => process.exit(0));
});
