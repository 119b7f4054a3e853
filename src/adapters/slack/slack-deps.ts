import type { webApi } from '@slack/bolt';
import type { Conversation } from '../../conversation/types.js';
import type { CanPost } from '../../core/daily/can-post.js';
import type { Logger } from '../../logger.js';
import type { EventDedupe } from './event-dedupe.js';
import type { SlackDiagrams } from './slack-diagrams.js';

/** What every Slack listener needs: the conversation, and the few platform calls it may ask for. */
export interface SlackDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
  readonly dedupe: EventDedupe;
  /** How long `/pattern` may take before the ack goes out with the working card (default 2.5 s). */
  readonly ackBudgetMs?: number;
  /** Set when only workspace admins may change the daily pattern (DAILY_SLACK_ADMINS_ONLY). */
  readonly isAdmin?: (client: webApi.WebClient, userId: string) => Promise<boolean>;
  /** Whether the bot can post in a channel (the daily poster's check). */
  readonly canPost: (channelId: string) => Promise<CanPost>;
  /** How a card's picture (a diagram) is shown: linked (PUBLIC_URL) or uploaded; unset, its text is shown. */
  readonly diagrams?: SlackDiagrams;
}

/** A log-safe view of an unexpected (non-Slack) error: a bug in our code, not user input. */
export function bugContext(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { bug: error.name, stack: error.stack } : { bug: String(error) };
}
