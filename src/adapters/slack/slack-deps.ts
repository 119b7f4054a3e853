import type { Ask } from '../../ask.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../logger.js';
import type { ReplyCache } from '../../reply-cache.js';
import type { EventDedupe } from './event-dedupe.js';
import type { EphemeralReply } from './pattern-command.js';

/** What every Slack listener needs. */
export interface SlackDeps {
  readonly ask: Ask;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly dedupe: EventDedupe;
  /** `/pattern` replies already rendered, by text. */
  readonly replies: ReplyCache<EphemeralReply>;
  /** How long `/pattern` may take before the ack goes out without the answer (default 2.5 s). */
  readonly ackBudgetMs?: number;
  /** Set when only workspace admins may change the daily pattern (DAILY_SLACK_ADMINS_ONLY). */
  readonly isAdmin?: (userId: string) => Promise<boolean>;
}

/** A log-safe view of an unexpected (non-Slack) error: a bug in our code, not user input. */
export function bugContext(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { bug: error.name, stack: error.stack } : { bug: String(error) };
}
