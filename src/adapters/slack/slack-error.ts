import { RespondError, webApi } from '@slack/bolt';

/** What a log line may say about a failed Slack call: a code and a status, never the error object
 *  (a request error carries the request, with its Authorization header). */
export interface SlackErrorSummary {
  readonly slackError: string;
  readonly status?: number;
  readonly retryAfter?: number;
}

export function summarizeSlackError(error: unknown): SlackErrorSummary {
  if (error instanceof webApi.WebAPIPlatformError) return { slackError: error.data.error };
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { slackError: 'rate_limited', status: 429, retryAfter: error.retryAfter };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return { slackError: error.statusCode === 429 ? 'rate_limited' : 'http_error', status: error.statusCode };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    // After a 429 the client waits out Retry-After and throws a plain Error for its retry loop; with no
    // retries left, that Error arrives wrapped as a request error.
    return error.original.message.startsWith('A rate limit was exceeded')
      ? { slackError: 'rate_limited', status: 429 }
      : { slackError: 'request_error' };
  }
  if (error instanceof RespondError) return { slackError: 'response_url_failed', status: error.statusCode };
  return { slackError: error instanceof Error ? error.name : 'unknown' };
}

export const SORRY = 'Sorry, something went wrong on my side answering that. Please try again in a moment.';
export const NOT_IN_CHANNEL =
  "I can't post in this channel. Invite me with `/invite @pattern-bot`, or use `/pattern`, which works everywhere.";
export const RATE_LIMITED = 'Slack asked me to slow down. Please try again in a minute.';

/** The fixed message a person sees when a Slack call failed (never the error's own text). */
export function slackErrorMessage(summary: SlackErrorSummary): string {
  switch (summary.slackError) {
    case 'not_in_channel':
    case 'channel_not_found':
    case 'is_archived':
      return NOT_IN_CHANNEL;
    case 'rate_limited':
    case 'ratelimited':
      return RATE_LIMITED;
    default:
      return SORRY;
  }
}
