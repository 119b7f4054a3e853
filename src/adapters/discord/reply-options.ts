import {
  ActionRowBuilder,
  AttachmentBuilder,
  type ButtonBuilder,
  EmbedBuilder,
  type MessageMentionOptions,
} from 'discord.js';
import { addressedTo } from '../../core/card/answer-to-card.js';
import type { Card } from '../../core/card/card.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';
import { cardToDiscord, type DiscordMessage } from './card-to-discord.js';

export type ReplyOptions = ReturnType<typeof toReplyOptions>;

/**
 * A rendered message in the option form discord.js's reply, editReply and followUp take. Embeds and
 * rows go in as discord.js builders: for plain objects discord.js deep-copies every key into snake_case
 * on each send (about 15 µs a card), for builders it only calls their `toJSON` (about 1 µs), which
 * matters when a remembered card is sent again and again. The JSON sent is the same.
 */
export function toReplyOptions(message: DiscordMessage, repliedUser?: boolean, images?: DiagramImages) {
  const allowedMentions: MessageMentionOptions = {
    parse: [],
    ...(message.allowed_mentions.users ? { users: [...message.allowed_mentions.users] } : {}),
    ...(repliedUser !== undefined ? { repliedUser } : {}),
  };
  // A picture is uploaded with the message (multipart); its embed points at it by name.
  const files = (message.pictures ?? []).flatMap((picture) => {
    const png = images?.get(picture.image)?.png;
    return png
      ? [new AttachmentBuilder(Buffer.from(png), { name: picture.name, description: picture.description })]
      : [];
  });
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    ...(files.length > 0 ? { files } : {}),
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
 * `cardToDiscord` + `toReplyOptions`, with the diagrams drawn so far attached, remembered per Card
 * object (the conversation hands out the same object for a remembered answer) and per addressee, privacy and reply ping. A WeakMap: a card
 * the conversation forgets is forgotten here too. The options returned are shared: read only.
 */
export function createReplyRenderer(images?: DiagramImages): RenderReply {
  const canAttach = (image: string) => images?.get(image) !== undefined;
  const rendered = new WeakMap<Card, Map<string, ReplyOptions>>();
  return (card, options = {}) => {
    // A picture may be drawn after a card is first shown: whether each is drawn is part of the key.
    const drawn = card.blocks
      .map((block) => (block.type === 'image' && canAttach(block.image) ? 1 : 0))
      .join('');
    const key = `${options.addressee ?? ''}|${options.private ? 1 : 0}|${options.repliedUser ?? ''}|${drawn}`;
    let byOptions = rendered.get(card);
    const known = byOptions?.get(key);
    if (known) return known;
    const addressed = options.addressee ? addressedTo(card, options.addressee) : card;
    const reply = toReplyOptions(
      cardToDiscord(addressed, { canAttach, ...(options.private ? { private: true } : {}) }),
      options.repliedUser,
      images,
    );
    if (!byOptions) {
      byOptions = new Map();
      rendered.set(card, byOptions);
    }
    byOptions.set(key, reply);
    return reply;
  };
}
