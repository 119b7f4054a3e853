import type { Ask } from '../../ask.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../logger.js';

/** What the Discord listeners need. */
export interface HandlerDeps {
  readonly ask: Ask;
  readonly bot: Bot;
  readonly logger: Logger;
  /** How long a slash command may think before its reply is deferred (Discord allows 3 s). */
  readonly deferAfterMs: number;
}
