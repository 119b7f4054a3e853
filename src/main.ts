import { runConsoleChat } from './adapters/console/console-chat.js';
import { type App, createApp } from './app.js';
import { CatalogError } from './catalog-file.js';
import { ConfigError, loadConfig } from './config.js';
import { openConsoleConversation } from './console-conversation.js';
import { createDiagramCache, diagramSources } from './diagrams/diagram-images.js';
import { drawDiagramsOffThread } from './draw-diagrams-off-thread.js';
import { startHealthServer } from './health-server.js';
import { loadBotOffThread } from './load-bot.js';
import { createLogger } from './logger.js';
import { StartupError } from './service.js';
import { openStore } from './store/create-store.js';
import { StorageError } from './store/storage-error.js';

/** SIGTERM to exit: what an orchestrator allows before it kills the process. */
const STOP_WITHIN_MS = 10_000;

export const CONNECT_HINT =
  'No Slack or Discord configured: this is the console chat. To connect, set SLACK_BOT_TOKEN with SLACK_APP_TOKEN ' +
  '(Socket Mode) or SLACK_SIGNING_SECRET (HTTP), and/or DISCORD_TOKEN with DISCORD_APPLICATION_ID, in .env (see .env.example).';
export const NO_PLATFORM_MESSAGE =
  'pattern-bot: no platform configured and no terminal for the console chat. Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN ' +
  '(or SLACK_SIGNING_SECRET), and/or DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const bot = await loadBotOffThread(config.patternsFile);

  if (!config.slack && !config.discord) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(`${NO_PLATFORM_MESSAGE}\n`);
      return 2;
    }
    const { conversation, close } = await openConsoleConversation(config, bot, logger);
    await runConsoleChat({
      conversation,
      input: process.stdin,
      output: process.stdout,
      banner: CONNECT_HINT,
    });
    await close();
    return 0;
  }

  logger.info({ patterns: bot.patterns.length, file: config.patternsFile }, 'catalog loaded');
  // The last resort: an error no listener caught (a platform packet a library could not parse, say) is
  // logged, and the other services keep running. Each adapter catches what it can before this.
  process.on('uncaughtException', (error) => {
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack } },
      'uncaught exception',
    );
  });
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason instanceof Error ? { name: reason.name, message: reason.message } : String(reason) },
      'unhandled rejection',
    );
  });
  // Storage first: an unwritable file or an unreachable server is one line naming the variable.
  const store = await openStore(config, { logger });
  const diagrams = createDiagramCache();
  const app: App = createApp({
    config,
    bot,
    logger,
    store,
    diagrams,
    discord: {
      // A token Discord refuses (4004) or an intent it does not allow (4014) will not fix itself.
      onFatal: (error) => {
        process.stderr.write(`pattern-bot: ${error.message}\n`);
        void app.stop().finally(() => process.exit(1));
      },
    },
  });
  try {
    await app.start();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  // A service that owns PORT (Slack in HTTP mode) answers /healthz there; otherwise a bare server does.
  const health = app.services.some((service) => service.servesHealth)
    ? undefined
    : await startHealthServer(config.port, config.host, () => app.health(), app.metrics, diagrams);
  logger.info(
    { port: health?.port ?? config.port, services: app.services.map((s) => s.name) },
    'pattern-bot running',
  );
  // After start, on a worker thread: until the pictures are drawn, a Diagram button shows the text diagram.
  drawDiagramsOffThread(diagramSources(bot.patterns), diagrams).then(
    (report) => {
      for (const { slug, error } of report.failed) logger.warn({ slug, error }, 'diagram not drawn');
      logger.info({ drawn: report.drawn, ms: Math.round(report.ms) }, 'diagrams drawn');
    },
    (error: unknown) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'diagrams not drawn'),
  );
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    // Graceful, but bounded: what is still in flight after this is given up (its claims go stale).
    const deadline = setTimeout(() => {
      logger.warn({ signal, afterMs: STOP_WITHIN_MS }, 'stop took too long; exiting');
      process.exit(1);
    }, STOP_WITHIN_MS);
    deadline.unref();
    health?.server.close();
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => {});
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof CatalogError ||
      error instanceof StorageError ||
      error instanceof StartupError
    ) {
      process.stderr.write(`pattern-bot: ${error.message}\n`);
    } else {
      // One line naming the cause: an unexpected error's stack would bury it.
      process.stderr.write(
        `pattern-bot: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    // Exit now: a half-started service (a client still retrying, a socket) must not keep the process up.
    process.exit(1);
  },
);
