import { ActionRowBuilder, type ButtonBuilder, EmbedBuilder, type MessageMentionOptions } from 'discord.js';
import type { Answer } from '../../core/answer.js';
import { answerToDiscord, type DiscordMessage } from './render.js';

/** What a user sees when handling their request failed: fixed, never the error's own text. */
export const FAILURE_ANSWER: Answer = {
  kind: 'notice',
  tone: 'error',
  title: 'Sorry, something went wrong on my side',
  lines: ['Please try again in a moment.'],
};

export const FAILURE_MESSAGE = answerToDiscord(FAILURE_ANSWER);

export type ReplyOptions = ReturnType<typeof toReplyOptions>;

/**
 * A rendered message in the option form discord.js's reply, editReply and followUp take. Embeds and
 * rows go in as discord.js builders: for plain objects discord.js deep-copies every key into snake_case
 * on each send (about 15 µs a card), for builders it only calls their `toJSON` (about 1 µs), which
 * matters when a cached reply is sent again and again. The JSON sent is the same.
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
