import type { Config } from './config.js';
import { createConversation } from './conversation/create-conversation.js';
import type { Conversation } from './conversation/types.js';
import { createUsageLog, type UsageLog } from './conversation/usage-log.js';
import type { Bot } from './core/bot.js';
import type { Logger } from './logger.js';
import { createConsoleQuiz } from './quiz/console-quiz.js';
import { openStore } from './store/create-store.js';

const DAY_MS = 86_400_000;

/**
 * The usage log for the console chat, which has no daily scheduler: the store the config names,
 * opened, its old misses and counts pruned once; none when `MISS_LOG=off`, and none (with a warning)
 * when the store cannot be opened, so the chat always starts. `close` waits for the writes.
 */
async function openUsageLog(
  config: Pick<Config, 'databasePath' | 'databaseUrl' | 'missLog' | 'missLogDays'>,
  logger: Logger,
): Promise<{ readonly usage?: UsageLog; close(): Promise<void> }> {
  if (!config.missLog) return { close: async () => {} };
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(config, { logger });
  } catch (error) {
    logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'no miss log for this chat: the store could not be opened',
    );
    return { close: async () => {} };
  }
  const before = new Date(Date.now() - config.missLogDays * DAY_MS);
  await Promise.all([store.pruneMisses(before), store.pruneAsks(before)]).catch(() => {});
  const usage = createUsageLog({ store, logger, days: config.missLogDays });
  return {
    usage,
    async close() {
      await usage.settled();
      await store.close();
    },
  };
}

/** The console chat's conversation (main's console mode and `cli -- chat`), with its usage log; `close` when the chat ends. */
export async function openConsoleConversation(
  config: Pick<
    Config,
    'databasePath' | 'databaseUrl' | 'missLog' | 'missLogDays' | 'dailyDefaultTimeZone' | 'quizLeaderboard'
  >,
  bot: Bot,
  logger: Logger,
): Promise<{ readonly conversation: Conversation; close(): Promise<void> }> {
  const log = await openUsageLog(config, logger);
  const conversation = createConversation({
    bot,
    logger,
    defaultTimeZone: config.dailyDefaultTimeZone,
    ...(log.usage ? { usage: log.usage } : {}),
    quiz: createConsoleQuiz(bot, config),
  });
  return { conversation, close: () => log.close() };
}
