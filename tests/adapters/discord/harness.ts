import { Writable } from 'node:stream';
import { createDiscordService, type DiscordService } from '../../../src/adapters/discord/discord-client.js';
import { createConversation, type DailyCommands } from '../../../src/conversation/create-conversation.js';
import type { AskInput, Conversation } from '../../../src/conversation/types.js';
import type { UsageLog } from '../../../src/conversation/usage-log.js';
import type { Bot } from '../../../src/core/bot.js';
import type { DiagramImages } from '../../../src/diagrams/diagram-images.js';
import { createLogger } from '../../../src/logger.js';
import type { Quiz } from '../../../src/quiz/create-quiz.js';
import { isLate, withinBudget } from '../../../src/within-budget.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord, type FakeDiscordOptions } from '../../fakes/fake-discord.js';
import { realBot } from '../../helpers/catalog.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface HarnessOptions {
  readonly deferAfterMs?: number;
  readonly fake?: FakeDiscordOptions;
  readonly onFatal?: (error: Error) => void;
  /** The core the conversation answers with (a bot that throws, for failure tests). */
  readonly bot?: Bot;
  readonly daily?: DailyCommands;
  /** The miss log and asked counts the conversation keeps and `stats` reads. */
  readonly usage?: UsageLog;
  /** Changes the real conversation on its way to the adapter (slow answers). */
  readonly wrap?: (conversation: Conversation) => Conversation;
  /** The diagrams drawn: the Diagram button attaches them. */
  readonly diagrams?: DiagramImages;
  /** Quizzes, over a store of the test's. */
  readonly quiz?: Quiz;
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly service: DiscordService;
  /** What the adapter asked the conversation, in order. */
  readonly asked: AskInput[];
  readonly logs: LogLine[];
  /** Every log line as written, to check that no secret is in it. */
  readonly rawLogs: string[];
  close(): Promise<void>;
}

export function captureLogs() {
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
  return { logs, rawLogs, logger: createLogger('debug', stream) };
}

/** The real conversation over the real catalog, as main builds it (fixed clock, UTC). */
export function realConversation(
  options: Pick<HarnessOptions, 'bot' | 'daily' | 'usage' | 'quiz'> & {
    logger?: ReturnType<typeof createLogger>;
  } = {},
) {
  return createConversation({
    bot: options.bot ?? realBot(),
    logger: options.logger ?? createLogger('silent'),
    defaultTimeZone: 'UTC',
    clock: () => new Date('2025-03-14T12:00:00Z'),
    ...(options.daily ? { daily: options.daily } : {}),
    ...(options.usage ? { usage: options.usage } : {}),
    ...(options.quiz ? { quiz: options.quiz } : {}),
  });
}

/** A conversation whose every answer takes `ms` longer (its time budget still works as the real one). */
export function slowed(conversation: Conversation, ms: number): Conversation {
  const ask = async (input: AskInput) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return conversation.ask(input);
  };
  return {
    ...conversation,
    ask,
    async askWithin(input, budgetMs) {
      const pending = ask(input);
      const early = await withinBudget(pending, budgetMs);
      return isLate(early) ? { later: pending } : { card: early };
    },
  };
}

/** Records what reaches the conversation, and passes it on. */
function recording(conversation: Conversation, asked: AskInput[]): Conversation {
  return {
    ...conversation,
    ask: (input) => {
      asked.push(input);
      return conversation.ask(input);
    },
    askWithin: (input, budgetMs) => {
      asked.push(input);
      return conversation.askWithin(input, budgetMs);
    },
  };
}

/** The real discord.js client, through the adapter and the real conversation, connected to a fresh fake Discord. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const { logs, rawLogs, logger } = captureLogs();
  const asked: AskInput[] = [];
  const real = realConversation({ ...options, logger });
  const service = createDiscordService({
    config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
    conversation: recording(options.wrap ? options.wrap(real) : real, asked),
    logger,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    ...(options.diagrams ? { diagrams: options.diagrams } : {}),
  });
  await service.start();
  // GUILD_CREATE follows READY: wait until the guild (and its channel) is cached.
  const deadline = Date.now() + 5000;
  while (service.health().guilds !== 1) {
    if (Date.now() > deadline) throw new Error('the fake guild never arrived');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    fake,
    service,
    asked,
    logs,
    rawLogs,
    async close() {
      await service.stop();
      await fake.close();
    },
  };
}
