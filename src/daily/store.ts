import type { Store } from '../store/store.js';

/**
 * What the daily engine uses of the store (`src/store/store.ts`): subscriptions and delivery claims,
 * and the pruning it runs once an hour.
 */
export type DailyStore = Pick<
  Store,
  | 'upsertSubscription'
  | 'insertSubscriptionIfMissing'
  | 'disableSubscription'
  | 'deleteSubscription'
  | 'getSubscription'
  | 'listSubscriptions'
  | 'dueSubscriptions'
  | 'setNextRun'
  | 'claim'
  | 'recordAttempt'
  | 'markSent'
  | 'markFailed'
  | 'release'
  | 'getDelivery'
  | 'listDeliveries'
  | 'staleDeliveries'
  | 'pruneDeliveries'
  // The scheduler also does the store's housekeeping:
  | 'pruneEvents'
  | 'pruneMisses'
  | 'pruneAsks'
  // The question of the day's answer, in the post's thread:
  | 'scheduleQuizReveal'
  | 'claimQuizReveals'
>;

export type { ClaimOptions } from '../store/store.js';
