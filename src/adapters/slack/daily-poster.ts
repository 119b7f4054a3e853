import type { PatternAnswer } from '../../core/answer.js';
import { type CanPost, type DailyPoster, PostError } from '../../daily/poster.js';
import type { Logger } from '../../logger.js';
import { md } from './escape.js';
import type { SlackService } from './slack-app.js';
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

export const INVITE_FIX =
  'Invite me to this channel first: type `/invite @pattern-bot` here, then try again.';
export const SCOPE_FIX =
  'The Slack app is missing a scope: reinstall it from slack/manifest.json, then try again.';

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

function threadStarter(answer: PatternAnswer): string {
  return md`:thread: Discuss *${answer.pattern.name}* here: where have you used it, and what went wrong?`;
}

/** The pattern-of-the-day poster over the Slack service (one attempt per call, no client retries). */
export function createSlackDailyPoster(service: SlackService, logger: Logger): DailyPoster {
  const log = logger.child({ platform: 'slack', feature: 'daily' });
  const client = service.postClient;
  return {
    platform: 'slack',
    async post(channelId, answer, options) {
      let ts: string;
      try {
        ({ ts } = await service.sendAnswer(channelId, answer));
      } catch (error) {
        throw slackErrorToPostError(error);
      }
      if (options.thread) {
        try {
          await client.chat.postMessage({ channel: channelId, thread_ts: ts, text: threadStarter(answer) });
        } catch (error) {
          log.warn({ channelId, ts, ...summarizeSlackError(error) }, 'could not start the discussion thread');
        }
      }
      return { messageId: ts };
    },
    async checkCanPost(channelId): Promise<CanPost> {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived) return { ok: false, fix: 'This channel is archived.' };
        if (channel?.is_im || channel?.is_member !== false) return { ok: true };
        return { ok: false, fix: INVITE_FIX };
      } catch (error) {
        const { slackError } = summarizeSlackError(error);
        if (slackError === 'channel_not_found' || slackError === 'not_in_channel')
          return { ok: false, fix: INVITE_FIX };
        if (slackError === 'missing_scope') return { ok: false, fix: SCOPE_FIX };
        throw error;
      }
    },
  };
}
