import type { Conversation } from '../../conversation/types.js';
import type { CanPost } from '../../core/daily/can-post.js';
import type { Logger } from '../../logger.js';
import type { RenderReply } from './reply-options.js';

/** What the Discord listeners need: the conversation, and nothing of the core. */
export interface HandlerDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** How long a slash command may think before its reply is deferred (Discord allows 3 s). */
  readonly deferAfterMs: number;
  /** A card as reply options (remembered per card, addressee and privacy). */
  readonly render: RenderReply;
  /** Whether the bot can post in a channel (asked only for `daily on`). */
  readonly canPost: (channelId: string) => Promise<CanPost>;
}
