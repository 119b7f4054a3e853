export interface EventDedupe {
  /** True when the id was seen within the time to live; otherwise records it and returns false. */
  seen(id: string): boolean;
  readonly size: number;
}

export interface EventDedupeOptions {
  /** The most ids kept; the oldest go first. */
  readonly max?: number;
  /** How long an id is remembered. Slack retries 3 times within about 5 minutes. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** A bounded, insertion-ordered memory of Events API `event_id`s, so a retried event gets one reply. */
export function createEventDedupe(options: EventDedupeOptions = {}): EventDedupe {
  const { max = 10_000, ttlMs = 10 * 60_000, now = Date.now } = options;
  const seenAt = new Map<string, number>();
  const evict = (at: number) => {
    for (const [id, time] of seenAt) {
      if (seenAt.size <= max && at - time < ttlMs) break;
      seenAt.delete(id);
    }
  };
  return {
    seen(id) {
      const at = now();
      evict(at);
      const time = seenAt.get(id);
      if (time !== undefined && at - time < ttlMs) return true;
      seenAt.set(id, at);
      evict(at);
      return false;
    },
    get size() {
      return seenAt.size;
    },
  };
}
