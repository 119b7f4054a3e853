import { Writable } from 'node:stream';
import { createDiscordService, type DiscordService } from '../../../src/adapters/discord/discord-client.js';
import type { Ask } from '../../../src/ask.js';
import { createAsk } from '../../../src/ask.js';
import { createLogger } from '../../../src/logger.js';
import {
  APPLICATION_ID,
  BOT_TOKEN,
  FakeDiscord,
  type FakeDiscordOptions,
  GUILD_ID,
} from '../../fakes/fake-discord.js';
import { realBot } from '../../helpers/catalog.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly service: DiscordService;
  readonly logs: LogLine[];
  /** Every log line as written, to check that no secret is in it. */
  readonly rawLogs: string[];
  close(): Promise<void>;
}

/** The real discord.js client, through the adapter, connected to a fresh fake Discord. */
export interface HarnessOptions {
  readonly ask?: Ask;
  readonly deferAfterMs?: number;
  readonly fake?: FakeDiscordOptions;
  readonly onFatal?: (error: Error) => void;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const logs: LogLine[] = [];
  const rawLogs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      rawLogs.push(text);
      for (const line of text.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const bot = realBot();
  const service = createDiscordService({
    config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
    ask: options.ask ?? createAsk(bot, 'UTC', () => new Date('2025-03-14T12:00:00Z')),
    bot,
    logger: createLogger('debug', stream),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
  await service.start();
  // GUILD_CREATE follows READY: wait until the guild (and its channel) is cached.
  const deadline = Date.now() + 5000;
  while (!service.client.guilds.cache.has(GUILD_ID)) {
    if (Date.now() > deadline) throw new Error('the fake guild never arrived');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    fake,
    service,
    logs,
    rawLogs,
    async close() {
      await service.stop();
      await fake.close();
    },
  };
}
