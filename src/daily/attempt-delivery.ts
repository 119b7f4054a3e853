import type { Card } from '../core/card/card.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { StorageError } from '../store/storage-error.js';
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

/** Waits between tries to record a post as sent (the post itself is never repeated for it). */
const RECORD_RETRY_MS = { first: 100, max: 5_000 };

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
  /** Runs one attempt (record it, post) in a bounded slot; backoff waits hold no slot. */
  readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  readonly metrics?: Pick<Metrics, 'observeDelivery' | 'observeLatency'>;
}

type Outcome =
  | { readonly type: 'lost' }
  | { readonly type: 'stopping' }
  | { readonly type: 'posted'; readonly messageId: string; readonly attempts: number }
  | { readonly type: 'failed'; readonly error: unknown; readonly attempts: number };

/**
 * Sends one claimed delivery: each attempt renews the claim, a success is recorded as sent (a
 * failure to record it is retried as a record, never as a post), a retryable failure is retried
 * with backoff up to `retry.attempts` (then marked failed, to be claimed again once stale), and a
 * permanent failure disables the subscription with the reason. A storage fault leaves the claim to
 * go stale, so that another tick (here or in another process) takes it up.
 */
export async function attemptDelivery(job: DeliveryJob, context: DeliveryContext): Promise<void> {
  const { poster, ref, key, card, thread } = job;
  const { store, owner, retry, staleAfterMs, sleep } = context;
  const log = context.logger.child({ ...ref, key });
  for (let attempt = 1; ; attempt++) {
    let outcome: Outcome;
    try {
      outcome = await context.limit(async (): Promise<Outcome> => {
        // Stopping: a claim still waiting for its slot is given back rather than posted.
        if (context.signal.aborted) return { type: 'stopping' };
        const attempts = await store.recordAttempt(ref, owner);
        if (attempts === 0) return { type: 'lost' };
        try {
          const started = performance.now();
          const { messageId } = await poster.post(ref.channelId, card, {
            idempotencyKey: key,
            maybeSentBefore: attempts > 1,
            ...(thread ? { thread } : {}),
          });
          context.metrics?.observeLatency({
            platform: ref.platform,
            surface: 'daily',
            seconds: (performance.now() - started) / 1000,
          });
          return { type: 'posted', messageId, attempts };
        } catch (error) {
          return { type: 'failed', error, attempts };
        }
      });
    } catch (error) {
      log.error(
        { err: describe(error) },
        `daily post: could not record the attempt; left for ${staleAfterMs} ms`,
      );
      return;
    }
    if (outcome.type === 'stopping') {
      await releaseClaim(context, ref, 'stopped before posting');
      return;
    }
    if (outcome.type === 'lost') {
      log.warn('daily post: the claim was taken over by another process; leaving it to that one');
      return;
    }
    if (outcome.type === 'posted') {
      context.metrics?.observeDelivery(ref.platform, 'sent');
      await recordSent(job, context, outcome.messageId, outcome.attempts);
      return;
    }
    const failure = toPostError(outcome.error);
    const detail = { attempt, code: failure.code, error: failure.message };
    try {
      if (failure.kind === 'permanent') {
        const reason = `posting failed: ${failure.code} (${failure.message})`;
        await store.markFailed(ref, owner, reason);
        await store.disableSubscription(ref.platform, ref.channelId, reason, context.clock());
        log.warn(detail, 'daily post failed for good: subscription disabled');
        context.metrics?.observeDelivery(ref.platform, 'disabled');
        return;
      }
      if (attempt >= retry.attempts) {
        await store.markFailed(ref, owner, `${failure.code}: ${failure.message}`);
        log.error(detail, `daily post failed ${attempt} times; trying again after ${staleAfterMs} ms`);
        context.metrics?.observeDelivery(ref.platform, 'failed');
        return;
      }
    } catch (error) {
      log.error({ ...detail, err: describe(error) }, 'daily post failed, and so did recording it');
      return;
    }
    const backoff = Math.max(retry.baseMs * 2 ** (attempt - 1), failure.retryAfterMs ?? 0);
    const delayMs = Math.min(backoff, retry.maxMs);
    log.warn({ ...detail, retryInMs: delayMs }, 'daily post failed; retrying');
    context.metrics?.observeDelivery(ref.platform, 'retried');
    if (!(await sleep(delayMs, context.signal))) {
      await releaseClaim(context, ref, 'stopped before retrying');
      return;
    }
  }
}

/** Gives a claim back so that another process may take it at once (shutdown); never throws. */
export async function releaseClaim(
  context: Pick<DeliveryContext, 'store' | 'owner' | 'logger'>,
  ref: DeliveryRef,
  reason: string,
): Promise<void> {
  await context.store.release(ref, context.owner, reason).catch((error: unknown) => {
    context.logger.warn(
      { ...ref, err: describe(error) },
      'daily post: could not give the claim back; it goes stale instead',
    );
  });
}

/** Records a post as sent, retrying only the record while the database is failing. */
async function recordSent(job: DeliveryJob, context: DeliveryContext, messageId: string, attempts: number) {
  const log = context.logger.child({ ...job.ref, key: job.key });
  for (let wait = RECORD_RETRY_MS.first; ; wait = Math.min(wait * 2, RECORD_RETRY_MS.max)) {
    try {
      if (await context.store.markSent(job.ref, context.owner, { messageId })) {
        log.info({ messageId, pattern: job.patternSlug, attempts }, 'daily post sent');
      } else {
        log.warn({ messageId }, 'daily post sent, but the claim had been taken over: it may be posted twice');
      }
      return;
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      log.warn(
        { messageId, err: error.message, retryInMs: wait },
        'daily post sent; recording it failed, retrying the record (not the post)',
      );
      if (!(await context.sleep(wait, context.signal))) {
        log.error(
          { messageId, err: error.message },
          'daily post sent but not recorded before stopping: it may be posted again once the claim is stale',
        );
        return;
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
