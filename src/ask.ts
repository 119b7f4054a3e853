import type { Answer } from './core/answer.js';
import type { Bot } from './core/bot.js';

export type Platform = 'slack' | 'discord' | 'console';

/** Who asked, and where: what an adapter knows that the core does not. */
export interface AskContext {
  readonly platform: Platform;
  /** Slack channel ID or Discord channel ID; undefined in the console. */
  readonly channelId?: string;
  readonly userId?: string;
  /** Slack team ID or Discord guild ID, when there is one. */
  readonly workspaceId?: string;
  /** Discord: the member has Manage Channels. Slack: the user is a workspace admin. */
  readonly canManageChannel?: boolean;
}

/**
 * What adapters call with the text after `/pattern` (or a mention). Async because some commands
 * (`daily ...`) touch storage or the platform; plain queries go straight to the core.
 */
export type Ask = (text: string, context: AskContext) => Promise<Answer>;

/** The ask function for a bot alone: every text goes to the core, `today` in the default zone. */
export function createAsk(bot: Bot, defaultTimeZone = 'UTC', now: () => Date = () => new Date()): Ask {
  return async (text) => bot.answer(text, { now: now(), timeZone: defaultTimeZone });
}
