import type { Card } from '../core/card/card.js';
import type { Completion } from '../core/complete.js';
import type { CanPost } from '../core/daily/can-post.js';
import type { Surface } from '../metrics.js';

export type { CanPost, Completion };

/** Where a text or a click came from. */
export type Platform = 'slack' | 'discord' | 'console';

/**
 * What an adapter knows about a question that the core does not. The text is what the person wrote,
 * decoded by the adapter (Slack markup and entities turned into plain text, the bot's own mention
 * removed); the conversation caps it before any other work. Context that costs a platform call is
 * handed in as lazy callbacks, so a plain lookup never makes one.
 */
export interface AskInput {
  readonly text: string;
  readonly platform: Platform;
  readonly channelId?: string;
  readonly userId?: string;
  /** Slack team ID or Discord guild ID, when there is one. */
  readonly workspaceId?: string;
  /** Where it was written: a channel (the default), a DM with the bot, or a group DM. */
  readonly place?: 'channel' | 'dm' | 'group';
  /** How it was asked, for the metrics: a slash command; else a mention, or `dm` in a DM. */
  readonly surface?: Extract<Surface, 'slash'>;
  /** May this person change the channel's daily subscription? Called only for `daily on` / `daily off`. */
  readonly canManageChannel?: () => Promise<boolean>;
  /** Can the bot post in this channel? Called only for `daily on`. */
  readonly canPost?: () => Promise<CanPost>;
}

/** Who clicked a button, and where. */
export interface ActInput {
  readonly platform: Platform;
  readonly userId: string;
  readonly channelId?: string;
  /** Slack team ID or Discord guild ID, when there is one (quiz answers are kept per workspace). */
  readonly workspaceId?: string;
}

/** What a click means, for the adapter to carry out. */
export type ActResult =
  /** Show the card to whoever clicked: in place on their own private card, else privately. */
  | { readonly type: 'show'; readonly card: Card }
  /** Post the card to the channel (it already says who shared it). */
  | { readonly type: 'share'; readonly card: Card }
  /** Not a button of ours, or one whose pattern is gone: a short private notice. */
  | { readonly type: 'notice'; readonly card: Card };

/** A card ready within the time budget, or one still on its way (ack "working on it", or defer). */
export type Timed = { readonly card: Card } | { readonly later: Promise<Card> };

/** What every platform does the same way: one `ask`, one `act`, one time budget, one failure card. */
export interface Conversation {
  /** The card for a text. Never throws: a failure is logged and answered with the fixed failure card. */
  ask(input: AskInput): Promise<Card>;
  /** `ask`, but resolves within `budgetMs`: with the card, or with the promise of it. */
  askWithin(input: AskInput, budgetMs: number): Promise<Timed>;
  /** A button click, by the value the button carries. Never throws. */
  act(value: unknown, input: ActInput): Promise<ActResult>;
  /** Autocomplete: the patterns that fit what is typed so far, best first (at most `limit`, default 25). */
  complete(
    typed: string,
    options?: { readonly limit?: number; readonly platform?: Platform },
  ): readonly Completion[];
  /** Whether the answer to this text is for the asker alone (`stats`, `review …`): known before it is ready, to defer privately. */
  isPrivate(text: string): boolean;
  /** The card shown while a slow answer is on its way (Slack's ack). */
  readonly workingCard: Card;
  /** The fixed card for a failure on our side: never the error's own text. */
  readonly failureCard: Card;
}
