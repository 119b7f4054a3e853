import type { Ask } from '../../ask.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../logger.js';
import type { ReplyCache } from '../../reply-cache.js';
import type { Choice } from './autocomplete.js';
import type { ReplyOptions } from './reply-options.js';

/** What the Discord listeners need. */
export interface HandlerDeps {
  readonly ask: Ask;
  readonly bot: Bot;
  readonly logger: Logger;
  /** How long a slash command may think before its reply is deferred (Discord allows 3 s). */
  readonly deferAfterMs: number;
  /** `/pattern` replies already rendered, by addressed user and query. */
  readonly replies: ReplyCache<ReplyOptions>;
  /** Autocomplete choices for what is typed so far (remembered: the same text gets the same choices). */
  readonly choices: (typed: string) => Choice[];
}
