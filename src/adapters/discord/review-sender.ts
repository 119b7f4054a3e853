import { type REST, Routes } from 'discord.js';
import type { ReviewSender } from '../../review/review-sender.js';
import { cardToDiscord } from './card-to-discord.js';

/**
 * The review port on Discord: opens (or finds) the DM channel with the person
 * (`POST /users/@me/channels`, what `user.createDM()` calls) and sends the review card there, over
 * the daily posts' REST (one attempt, no retries). A person who shares no guild with the bot, or has
 * DMs from it turned off, makes it fail with 50007 Cannot send messages to this user.
 */
export function createDiscordReviewSender(rest: REST): ReviewSender {
  return {
    platform: 'discord',
    async sendDm(userId, card) {
      const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
        id: string;
      };
      await rest.post(Routes.channelMessages(channel.id), { body: cardToDiscord(card) });
    },
  };
}
