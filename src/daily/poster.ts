import { createHash } from 'node:crypto';
import type { Card } from '../core/card/card.js';
import type { CanPost } from '../core/daily/can-post.js';

export type { CanPost };

/** The platforms the daily post goes to. */
export type DailyPlatform = 'slack' | 'discord';

export const DAILY_PLATFORMS: readonly DailyPlatform[] = ['slack', 'discord'];

export interface PostOptions {
  /**
   * The same for every attempt at one delivery (platform, channel, local date), in this process or
   * another. Adapters that can deduplicate use it: Discord sends `nonce: discordNonce(key)` with
   * `enforce_nonce: true`, so a resend within Discord's window (a few minutes) returns the message
   * already created instead of posting again. Slack has no such parameter; see `maybeSentBefore`.
   */
  readonly idempotencyKey: string;
  /**
   * True when an earlier attempt at this delivery may have reached the platform (a timeout, or a
   * crash after the claim). An adapter may then look for its own earlier message and return it
   * instead of posting: Slack can send every daily post with `metadata: { event_type:
   * 'pattern_of_the_day', event_payload: { idempotency_key } }` and, when this is true, look for it
   * in `conversations.history` (`include_all_metadata`) first.
   */
  readonly maybeSentBefore: boolean;
  /**
   * Set when the channel wants a discussion thread under the post: its name (Discord) and its first
   * message (Slack), both worded by the core. The poster starts one where the platform permits: on
   * Slack a threaded reply to the post (`thread_ts` = the post's `ts`), on Discord a thread on the
   * message (needs Create Public Threads; not in threads, forums or DMs). Failing to start the
   * thread must not fail the post: log it and resolve with the post's id, so the delivery is marked
   * sent and never posted again for the sake of its thread.
   */
  readonly thread?: { readonly name: string; readonly starter: Card };
}

/**
 * The daily port: what each platform adapter implements for the daily engine. Nothing else of the
 * adapter is reachable from the engine. `post` makes one attempt, with its own timeout
 * well under the scheduler's stale-claim timeout, and without the SDK's own retries (the engine
 * retries); it throws `PostError` on failure.
 */
export interface DailyPoster {
  readonly platform: DailyPlatform;
  /** Posts the pattern-of-the-day card (headed "Pattern of the day"); resolves with the message id. */
  post(channelId: string, card: Card, options: PostOptions): Promise<{ messageId: string }>;
  /** Whether the bot can post in the channel; if not, what a person must do about it. */
  checkCanPost(channelId: string): Promise<CanPost>;
  /**
   * Posts a card in the thread of an earlier daily post (the question of the day's answer): on Slack
   * a threaded reply, on Discord in the post's thread if it has one, else as a reply to the post.
   * One attempt; throws on failure.
   */
  reply?(channelId: string, messageId: string, card: Card): Promise<void>;
}

/**
 * Why a post failed, as the engine needs to know it:
 * - `retryable`: try again with backoff (HTTP 429 with `retryAfterMs`, 5xx, timeouts, network).
 * - `permanent`: the channel cannot take posts; the subscription is disabled with `code` and the
 *   message as the reason. Slack `channel_not_found`, `is_archived`, `not_in_channel`,
 *   `account_inactive`, `invalid_auth`; Discord 10003 Unknown Channel, 50001 Missing Access,
 *   50013 Missing Permissions.
 */
export class PostError extends Error {
  readonly kind: 'retryable' | 'permanent';
  readonly code: string;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: 'retryable' | 'permanent',
    code: string,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PostError';
    this.kind = kind;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Any error as a PostError: anything an adapter did not classify counts as retryable. */
export function toPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PostError('retryable', 'unknown', message, { cause: error });
}

/** The idempotency key of one delivery: the same in every process that might send it. */
export function deliveryKey(platform: DailyPlatform, channelId: string, localDate: string): string {
  return `daily:${platform}:${channelId}:${localDate}`;
}

/** Discord's `nonce` (at most 25 characters) for an idempotency key: deterministic, 25 characters. */
export function discordNonce(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25);
}
