/**
 * At most `size` tasks at a time, first come first served. `free()` resolves when a slot is free
 * and no task is waiting, so a producer that awaits it before each `run` never queues more than it
 * can start, and tasks already queued (a claimed delivery's attempt) go before new work. A producer
 * waiting in `free()` is woken on the next turn of the event loop.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  free(): Promise<void>;
  readonly active: number;
}

export function createLimiter(size: number): Limiter {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`a limiter needs at least 1 slot, not ${size}`);
  let active = 0;
  const queue: Array<() => void> = [];
  let waiters: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) return next(); // the slot passes straight to the next task
    active--;
    if (waiters.length === 0) return;
    const ready = waiters;
    waiters = [];
    // Woken on the check phase, not as a microtask: new work never extends the phase that freed the
    // slot (a burst of timers), so the event loop turns between batches.
    setImmediate(() => {
      for (const wake of ready) wake();
    });
  };

  return {
    async run(task) {
      if (active < size && queue.length === 0) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    free() {
      if (active < size && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve)).then(() => this.free());
    },
    get active() {
      return active;
    },
  };
}
