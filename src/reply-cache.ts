import { LRUCache } from 'lru-cache';
import { type Answer, isRepeatable } from './core/answer.js';

/** How many rendered replies are kept: a few hundred small JSON objects, well under a megabyte. */
export const REPLY_CACHE_SIZE = 500;

export interface ReplyCache<Reply extends object> {
  /**
   * The reply to `key`: the remembered one, or `render(await ask())`, remembered when the answer is
   * repeatable (the same text always gets it). Replies are shared: callers must not change them.
   */
  reply(key: string, ask: () => Promise<Answer>, render: (answer: Answer) => Reply): Promise<Reply>;
  readonly size: number;
}

/**
 * Rendered replies to the texts asked most recently. The catalog does not change while the bot
 * runs, so `/pattern saga` always renders the same card: a repeated question costs a map lookup
 * instead of a search and a render (measured in bench:slack and bench:discord).
 */
export function createReplyCache<Reply extends object>(max = REPLY_CACHE_SIZE): ReplyCache<Reply> {
  // max 0: remember nothing (the benchmarks' --no-cache, to measure the work a first question costs).
  const replies = max > 0 ? new LRUCache<string, Reply>({ max }) : undefined;
  return {
    async reply(key, ask, render) {
      const known = replies?.get(key);
      if (known) return known;
      const answer = await ask();
      const reply = render(answer);
      if (isRepeatable(answer)) replies?.set(key, reply);
      return reply;
    },
    get size() {
      return replies?.size ?? 0;
    },
  };
}
