import type { webApi } from '@slack/bolt';
import type { ReviewSender } from '../../review/review-sender.js';
import { renderCard } from './render-card.js';

/**
 * The review port on Slack: the review card to the person's DM with the app, by posting with the
 * user ID as the channel (Slack opens the DM; needs `chat:write` and `im:write`). One attempt, over
 * the daily posts' client (no retries, 10 s timeout).
 */
export function createSlackReviewSender(client: webApi.WebClient): ReviewSender {
  return {
    platform: 'slack',
    async sendDm(userId, card) {
      await client.chat.postMessage({
        channel: userId,
        ...renderCard(card, 'public'),
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}
