import type { Card } from '../core/card/card.js';
import type { Logger } from '../logger.js';
import { type DailyPoster, toPostError } from './poster.js';
import type { DailyStore } from './store.js';
import type { DeliveryRef } from './subscription.js';

export interface RetryPolicy {
  /** Attempts in one go before giving up until the claim goes stale (then a later tick tries again). */
  readonly attempts: number;
  /** The first backoff; it doubles each attempt, and a 429's `retryAfterMs` is honoured. */
  readonly baseMs: number;
  /** The longest backoff; keep it below `staleClaimMs` so a claim is not taken over mid-retry. */
  readonly maxMs?: number;
}

export const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 4, baseMs: 2_000, maxMs: 30_000 };

export function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface DeliveryJob {
  readonly poster: DailyPoster;
  readonly ref: DeliveryRef;
  /** The idempotency key, the same for every attempt at this delivery. */
  readonly key: string;
  /** The pattern of the day, for the logs. */
  readonly patternSlug: string;
  /** The pattern-of-the-day card. */
  readonly card: Card;
  /** The discussion thread to start under the post, when the subscription wants one. */
  readonly thread?: { readonly name: string; readonly starter: Card };
}

export interface DeliveryContext {
  readonly store: DailyStore;
  readonly clock: () => Date;
  readonly owner: string;
  readonly logger: Logger;
  readonly retry: Required<RetryPolicy>;
  readonly staleAfterMs: number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
  /** Aborts backoff waits (on stop); the claim is then released. */
  readonly signal: AbortSignal;
}

/**
 * Sends one claimed delivery: each attempt renews the claim, a success is marked sent, a retryable
 * failure is retried with backoff up to `retry.attempts` (then marked failed, to be claimed again
 * once stale), and a permanent failure disables the subscription with the reason.
 */
export async function attemptDelivery(job: DeliveryJob, context: DeliveryContext): Promise<void> {
  const { poster, ref, key, card, thread } = job;
  const { store, clock, owner, retry, staleAfterMs, sleep } = context;
  const log = context.logger.child({ ...ref, key });
  for (let attempt = 1; ; attempt++) {
    const attempts = store.recordAttempt(ref, owner, clock());
    if (attempts === 0) {
      log.warn('daily post: the claim was taken over by another process; leaving it to that one');
      return;
    }
    try {
      const { messageId } = await poster.post(ref.channelId, card, {
        idempotencyKey: key,
        maybeSentBefore: attempts > 1,
        ...(thread ? { thread } : {}),
      });
      if (store.markSent(ref, owner, { messageId, now: clock() })) {
        log.info({ messageId, pattern: job.patternSlug, attempts }, 'daily post sent');
      } else {
        log.warn({ messageId }, 'daily post sent, but the claim had been taken over: it may be posted twice');
      }
      return;
    } catch (error) {
      const failure = toPostError(error);
      const detail = { attempt, code: failure.code, error: failure.message };
      if (failure.kind === 'permanent') {
        const reason = `posting failed: ${failure.code} (${failure.message})`;
        store.markFailed(ref, owner, reason, clock());
        store.disableSubscription(ref.platform, ref.channelId, reason, clock());
        log.warn(detail, 'daily post failed for good: subscription disabled');
        return;
      }
      if (attempt >= retry.attempts) {
        store.markFailed(ref, owner, `${failure.code}: ${failure.message}`, clock());
        log.error(detail, `daily post failed ${attempt} times; trying again after ${staleAfterMs} ms`);
        return;
      }
      const backoff = Math.max(retry.baseMs * 2 ** (attempt - 1), failure.retryAfterMs ?? 0);
      const delayMs = Math.min(backoff, retry.maxMs);
      log.warn({ ...detail, retryInMs: delayMs }, 'daily post failed; retrying');
      if (!(await sleep(delayMs, context.signal))) {
        store.release(ref, owner, 'stopped before retrying');
        return;
      }
    }
  }
}
