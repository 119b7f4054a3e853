import type { webApi } from '@slack/bolt';
import type { CanPost } from '../../core/daily/can-post.js';
import { type DailyPoster, PostError } from '../../daily/poster.js';
import type { Logger } from '../../logger.js';
import { renderCard } from './render-card.js';
import { type SlackDiagrams, uploadCardPicture } from './slack-diagrams.js';
import { summarizeSlackError } from './slack-error.js';

/** Slack errors after which posting to the channel will not work until a person acts. */
const PERMANENT = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'missing_scope',
  'restricted_action',
]);

/** The metadata every daily post carries, so a later look can tell it apart (see PostOptions). */
export const DAILY_EVENT_TYPE = 'pattern_of_the_day';

/** Sorts a Web API failure into one the daily engine retries and one that disables the channel. */
export function slackErrorToPostError(error: unknown): PostError {
  const summary = summarizeSlackError(error);
  const kind = PERMANENT.has(summary.slackError) ? 'permanent' : 'retryable';
  return new PostError(
    kind,
    summary.slackError,
    `Slack: ${summary.slackError}${summary.status ? ` (${summary.status})` : ''}`,
    {
      ...(summary.retryAfter !== undefined ? { retryAfterMs: summary.retryAfter * 1000 } : {}),
      cause: error,
    },
  );
}

/**
 * The pattern-of-the-day poster over a Web API client that never retries and times out in 10 s (the
 * daily engine retries, under its claim). One attempt per call.
 */
export function createSlackDailyPoster(
  client: webApi.WebClient,
  logger: Logger,
  diagrams?: SlackDiagrams,
): DailyPoster {
  const log = logger.child({ feature: 'daily' });
  return {
    platform: 'slack',
    async reply(channelId, messageId, card) {
      await client.chat.postMessage({
        channel: channelId,
        thread_ts: messageId,
        ...renderCard(card, 'public'),
        unfurl_links: false,
        unfurl_media: false,
      });
    },
    async post(channelId, card, options) {
      let ts: string;
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          ...renderCard(card, 'public', diagrams?.url),
          unfurl_links: false,
          unfurl_media: false,
          metadata: {
            event_type: DAILY_EVENT_TYPE,
            event_payload: { idempotency_key: options.idempotencyKey },
          },
        });
        ts = result.ts ?? '';
      } catch (error) {
        throw slackErrorToPostError(error);
      }
      // `daily on diagram` without PUBLIC_URL: the picture goes under the post, which shows the text diagram.
      try {
        await uploadCardPicture(client, diagrams, card, { channelId, threadTs: ts });
      } catch (error) {
        log.warn({ channelId, ts, ...summarizeSlackError(error) }, 'could not upload the diagram');
      }
      if (options.thread) {
        try {
          await client.chat.postMessage({
            channel: channelId,
            thread_ts: ts,
            ...renderCard(options.thread.starter, 'public'),
            unfurl_links: false,
            unfurl_media: false,
          });
        } catch (error) {
          log.warn({ channelId, ts, ...summarizeSlackError(error) }, 'could not start the discussion thread');
        }
      }
      return { messageId: ts };
    },
    async checkCanPost(channelId): Promise<CanPost> {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived) return { ok: false, reason: 'archived' };
        if (channel?.is_im || channel?.is_member !== false) return { ok: true };
        return { ok: false, reason: 'not-in-channel' };
      } catch (error) {
        const { slackError } = summarizeSlackError(error);
        if (slackError === 'channel_not_found' || slackError === 'not_in_channel') {
          return { ok: false, reason: 'not-in-channel' };
        }
        if (slackError === 'missing_scope') return { ok: false, reason: 'missing-scope' };
        throw error;
      }
    },
  };
}
