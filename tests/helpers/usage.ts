import { createUsageLog, type UsageLog } from '../../src/conversation/usage-log.js';
import type { Logger } from '../../src/logger.js';
import { openTempStore } from '../daily/fakes.js';

/** A question the seeded log holds as its most frequent miss. */
export const SEEDED_MISS = 'raft leader election';

/**
 * A usage log over a temporary SQLite store, seeded with asks for saga (3) and outbox (1) and misses
 * for `SEEDED_MISS` (2) and "zanzibar" (1), all one day before `now`.
 */
export async function seededUsage(
  logger: Logger,
  now: Date,
): Promise<{ usage: UsageLog; cleanup: () => Promise<void> }> {
  const temp = openTempStore();
  const day = new Date(now.getTime() - 86_400_000);
  for (const slug of ['saga-pattern', 'saga-pattern', 'saga-pattern', 'outbox-pattern'])
    await temp.store.recordAsk(slug, day);
  for (const text of [SEEDED_MISS, SEEDED_MISS, 'zanzibar']) await temp.store.recordMiss(text, day);
  return { usage: createUsageLog({ store: temp.store, logger, clock: () => now }), cleanup: temp.cleanup };
}
