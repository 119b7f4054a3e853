import { LRUCache } from 'lru-cache';

export interface EventDedupe {
  /** True when the id was seen within the time to live; otherwise records it and resolves false. */
  seen(id: string): Promise<boolean>;
  readonly size: number;
}

export interface EventDedupeOptions {
  /** The most ids kept; the oldest go first. */
  readonly max?: number;
  /** How long an id is remembered. Slack retries 3 times within about 5 minutes. */
  readonly ttlMs?: number;
  readonly now?: () => number;
  /**
   * The shared record of ids (the store's `seenEvent`: true when the id is new), so that an event
   * Slack retries onto another replica is answered once. Asked after this process's own memory.
   */
  readonly shared?: (id: string, ttlMs: number) => Promise<boolean>;
  /** Told when the shared record fails: the event is then answered (at least once beats never). */
  readonly onSharedError?: (error: unknown) => void;
}

/**
 * A bounded memory of Events API `event_id`s with a time to live, so a retried event gets one reply;
 * with `shared`, across every replica.
 */
export function createEventDedupe(options: EventDedupeOptions = {}): EventDedupe {
  const { max = 10_000, ttlMs = 10 * 60_000, now = Date.now } = options;
  // ttlResolution 0: read the clock on every check (the default caches it for 1 ms).
  const seenIds = new LRUCache<string, true>({ max, ttl: ttlMs, ttlResolution: 0, perf: { now } });
  return {
    async seen(id) {
      if (seenIds.has(id)) return true;
      seenIds.set(id, true);
      if (!options.shared) return false;
      try {
        return !(await options.shared(id, ttlMs));
      } catch (error) {
        options.onSharedError?.(error);
        return false;
      }
    },
    get size() {
      return seenIds.size;
    },
  };
}
