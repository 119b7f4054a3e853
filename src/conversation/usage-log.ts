import type { Answer } from '../core/answer.js';
import { missText } from '../core/miss-text.js';
import { contentWords } from '../core/normalize.js';
import type { Logger } from '../logger.js';
import type { AskedPattern, Miss, Store } from '../store/store.js';

/** Writes waiting at once, at most: past this (a database that stopped answering) new ones are dropped. */
export const MAX_PENDING_WRITES = 256;
export const DEFAULT_USAGE_DAYS = 30;

/** What the catalog's owners learn from the questions: misses and the patterns asked for. No user or channel IDs. */
export interface UsageLog {
  /** A question that found nothing or only a weak match, as `missText` keeps it. */
  miss(text: string): void;
  /** The patterns a question was answered with. */
  asked(slugs: readonly string[]): void;
  /** How many days misses and counts are kept (MISS_LOG_DAYS): what a report covers. */
  readonly days: number;
  /** The most asked patterns and the most frequent misses of the last `days` days, at most `limit` of each. */
  read(limit: number): Promise<{ asked: AskedPattern[]; misses: Miss[] }>;
  /** Resolves when every write started so far has settled (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * The usage log over the store, off the response path: each write starts after the current turn of
 * the event loop (the card goes out first), nobody waits for it, and a failure is logged once a
 * burst, never thrown to the person who asked.
 */
export function createUsageLog(options: {
  readonly store: Pick<Store, 'recordMiss' | 'recordAsk' | 'listMisses' | 'listAsked'>;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** MISS_LOG_DAYS (default 30). */
  readonly days?: number;
}): UsageLog {
  const { store } = options;
  const days = options.days ?? DEFAULT_USAGE_DAYS;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger.child({ layer: 'usage-log' });
  const pending = new Set<Promise<void>>();
  let failing = false;
  let dropped = 0;

  function write(work: () => Promise<void>): void {
    if (pending.size >= MAX_PENDING_WRITES) {
      if (dropped++ === 0)
        logger.warn({ pending: pending.size }, 'usage log: too many writes waiting; dropping');
      return;
    }
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .then(
        () => {
          if (failing || dropped > 0) logger.info({ dropped }, 'usage log: writing again');
          failing = false;
          dropped = 0;
        },
        (error: unknown) => {
          if (!failing) {
            logger.warn(
              { err: error instanceof Error ? error.message : String(error) },
              'usage log: write failed',
            );
          }
          failing = true;
        },
      )
      .finally(() => pending.delete(done));
    pending.add(done);
  }

  async function settled(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  return {
    miss(text) {
      const now = clock();
      if (text !== '') write(() => store.recordMiss(text, now));
    },
    asked(slugs) {
      const now = clock();
      for (const slug of new Set(slugs)) write(() => store.recordAsk(slug, now));
    },
    days,
    async read(limit) {
      // What this process has started writing is part of the report.
      await settled();
      const since = new Date(clock().getTime() - days * 86_400_000);
      const [asked, misses] = await Promise.all([
        store.listAsked({ since, limit }),
        store.listMisses({ since, limit }),
      ]);
      return { asked, misses };
    },
    settled,
  };
}

/** What an answer tells the usage log: the text to keep as a miss (or none), and the patterns asked for. */
export interface AnswerUsage {
  readonly miss?: string;
  readonly asked: readonly string[];
}

const NOTHING: AnswerUsage = { asked: [] };

/**
 * The one rule of what is logged, by the answer and its confidence tier (the metrics' `tier`): a
 * question that found nothing (`not-found`) or only a "did you mean" is a miss, unless it has no
 * word of letters that could name anything (`+1`, `thanks!`, `:wave:`): that is chat, not a question. A
 * confident lookup or a comparison counts its patterns as asked for. Pure.
 */
export function answerUsage(answer: Answer, tier: string, text: string): AnswerUsage {
  if (tier === 'not-found' || tier === 'did-you-mean') {
    const kept = missText(text);
    return contentWords(kept).some((word) => /\p{L}/u.test(word)) ? { miss: kept, asked: [] } : NOTHING;
  }
  if (answer.kind === 'pattern' && answer.source === 'lookup') return { asked: [answer.pattern.slug] };
  if (answer.kind === 'compare') return { asked: answer.patterns.map((pattern) => pattern.slug) };
  return NOTHING;
}
