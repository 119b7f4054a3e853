import { ActionRowBuilder, type ButtonBuilder, EmbedBuilder, type MessageMentionOptions } from 'discord.js';
import { addressedTo } from '../../core/card/answer-to-card.js';
import type { Card } from '../../core/card/card.js';
import { cardToDiscord, type DiscordMessage } from './card-to-discord.js';

export type ReplyOptions = ReturnType<typeof toReplyOptions>;

/**
 * A rendered message in the option form discord.js's reply, editReply and followUp take. Embeds and
 * rows go in as discord.js builders: for plain objects discord.js deep-copies every key into snake_case
 * on each send (about 15 µs a card), for builders it only calls their `toJSON` (about 1 µs), which
 * matters when a remembered card is sent again and again. The JSON sent is the same.
 */
export function toReplyOptions(message: DiscordMessage, repliedUser?: boolean) {
  const allowedMentions: MessageMentionOptions = {
    parse: [],
    ...(message.allowed_mentions.users ? { users: [...message.allowed_mentions.users] } : {}),
    ...(repliedUser !== undefined ? { repliedUser } : {}),
  };
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds.map((embed) => new EmbedBuilder(embed)),
    components: message.components.map((row) => new ActionRowBuilder<ButtonBuilder>(row)),
    allowedMentions,
  };
}

export interface RenderOptions {
  /** Shown only to the asker or clicker: the card's Share button comes with it. */
  readonly private?: boolean;
  /** "For @user": the card is addressed to this user, the one person it may ping. */
  readonly addressee?: string;
  /** Ping the author of the message replied to (mentions). */
  readonly repliedUser?: boolean;
}

export type RenderReply = (card: Card, options?: RenderOptions) => ReplyOptions;

/**
 * `cardToDiscord` + `toReplyOptions`, remembered per Card object (the conversation hands out the
 * same object for a remembered answer) and per addressee, privacy and reply ping. A WeakMap: a card
 * the conversation forgets is forgotten here too. The options returned are shared: read only.
 */
export function createReplyRenderer(): RenderReply {
  const rendered = new WeakMap<Card, Map<string, ReplyOptions>>();
  return (card, options = {}) => {
    const key = `${options.addressee ?? ''}|${options.private ? 1 : 0}|${options.repliedUser ?? ''}`;
    let byOptions = rendered.get(card);
    const known = byOptions?.get(key);
    if (known) return known;
    const addressed = options.addressee ? addressedTo(card, options.addressee) : card;
    const reply = toReplyOptions(
      cardToDiscord(addressed, options.private ? { private: true } : {}),
      options.repliedUser,
    );
    if (!byOptions) {
      byOptions = new Map();
      rendered.set(card, byOptions);
    }
    byOptions.set(key, reply);
    return reply;
  };
}
