import { RespondError, webApi } from '@slack/bolt';
import type { Card } from '../../core/card/card.js';
import { type Problem, problemCard } from '../../core/card/problem-card.js';

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

/** The neutral problem a person is told about when a Slack call failed (the core words it). */
export function slackErrorProblem(summary: SlackErrorSummary): Problem {
  switch (summary.slackError) {
    case 'not_in_channel':
    case 'channel_not_found':
    case 'is_archived':
      return 'not-in-channel';
    case 'rate_limited':
    case 'ratelimited':
      return 'rate-limited';
    default:
      return 'failure';
  }
}

/** The fixed card a person sees when a Slack call failed (never the error's own text). */
export function slackErrorCard(summary: SlackErrorSummary): Card {
  return problemCard(slackErrorProblem(summary));
}
