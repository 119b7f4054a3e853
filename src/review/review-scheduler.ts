import { Cron } from 'croner';
import type { Bot } from '../core/bot.js';
import { reviewPromptCard } from '../core/card/review-card.js';
import { createLimiter } from '../daily/limiter.js';
import { dailyPlan, localDate, nextPostAt } from '../daily/schedule.js';
import type { Logger } from '../logger.js';
import type { Service, ServiceHealth } from '../service.js';
import type { Reviewer, ReviewStore } from '../store/review-store.js';
import { withinBudget } from '../within-budget.js';
import { newFsrsCard } from './fsrs-card.js';
import { pickDueCards } from './pick-due-cards.js';
import type { ReviewSender } from './review-sender.js';

export interface ReviewSchedulerOptions {
  readonly store: Pick<ReviewStore, 'dueReviewers' | 'claimReview' | 'listReviewCards' | 'promptReviewCards'>;
  readonly senders: readonly ReviewSender[];
  readonly bot: Pick<Bot, 'patterns' | 'bySlug'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Croner pattern of the tick; null for none (tests call `tick()`). */
  readonly tickPattern?: string | null;
  /** Due reviewers read per query (default 100). */
  readonly pageSize?: number;
  /** DMs in flight at once (default 8); the platforms' own rate limits do the rest. */
  readonly concurrency?: number;
}

export interface ReviewScheduler extends Service {
  /** Scans once: claims and sends every review that is due; how many DMs were sent. */
  tick(): Promise<number>;
}

const DAY_MS = 86_400_000;
const STOP_WAIT_MS = 10_000;
/** A review DM that failed is tried again this much later, while within the window after its time. */
const RETRY_AFTER_MS = 5 * 60_000;
const RETRY_WINDOW_MS = 60 * 60_000;
/** A tick reads at most this many pages, so a clock jump cannot keep it busy for ever. */
const MAX_PAGES = 100;

/**
 * The spaced-review engine. Each minute it reads the reviewers whose `next_run_at` has come from
 * the database's index, and for each one claims the run by moving `next_run_at` on to the next
 * scheduled review in one conditional write: of any number of processes, exactly one wins and sends
 * that person's review DM (the due cards, at most three), at most `concurrency` DMs at a time.
 * A failed send is logged and tried again every 5 minutes for an hour after the review's time (the
 * retry is claimed like the run); after that the cards stay due and come in the next review.
 */
export function createReviewScheduler(options: ReviewSchedulerOptions): ReviewScheduler {
  const { store, clock, bot } = options;
  const logger = options.logger.child({ service: 'review' });
  const senders = new Map(options.senders.map((sender) => [sender.platform, sender]));
  const platforms = [...senders.keys()];
  const pageSize = options.pageSize ?? 100;
  const limiter = createLimiter(options.concurrency ?? 8);
  const slugs = bot.patterns.map((pattern) => pattern.slug);
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let job: Cron | undefined;
  let lastTickError: string | undefined;

  async function deliver(reviewer: Reviewer, now: Date): Promise<boolean> {
    const sender = senders.get(reviewer.platform);
    if (!sender) return false;
    const today = localDate(now, reviewer.timeZone);
    const stored = await store.listReviewCards(reviewer);
    const { due, moreDue } = pickDueCards(slugs, stored, today, reviewer.timeZone);
    const items = due.flatMap(({ slug }) => {
      const pattern = bot.bySlug(slug);
      return pattern ? [{ slug, name: pattern.name, category: pattern.category }] : [];
    });
    if (items.length === 0) return false;
    const fresh = newFsrsCard(now);
    await store.promptReviewCards(
      reviewer,
      today,
      due.map(({ slug, stored: card }) => card ?? { slug, ...fresh }),
    );
    await sender.sendDm(reviewer.userId, reviewPromptCard({ date: today, items, moreDue }));
    return true;
  }

  /** The scan under way, if any: `stop()` waits for it (its DMs in flight), up to 10 s. */
  let scanning: Promise<number> | undefined;

  function tick(): Promise<number> {
    const scan = run().finally(() => {
      if (scanning === scan) scanning = undefined;
    });
    scanning = scan;
    return scan;
  }

  async function run(): Promise<number> {
    const now = clock();
    let sent = 0;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const due = await store.dueReviewers(now, { platforms, limit: pageSize });
        const sending: Promise<void>[] = [];
        for (const reviewer of due) {
          const to = nextPostAt(reviewer, now) ?? new Date(now.getTime() + DAY_MS);
          if (!(await store.claimReview(reviewer, { from: reviewer.nextRunAt, to }))) continue;
          await limiter.free();
          sending.push(
            limiter.run(async () => {
              try {
                if (await deliver(reviewer, now)) sent++;
              } catch (error) {
                const err = error instanceof Error ? error.message : String(error);
                // Again in a few minutes (a rate limit, an outage), within an hour of the review's time.
                const retryAt = new Date(now.getTime() + RETRY_AFTER_MS);
                const retry =
                  retryAt.getTime() <= dailyPlan(reviewer, now).scheduledAt.getTime() + RETRY_WINDOW_MS &&
                  retryAt < to
                    ? await store.claimReview(reviewer, { from: to, to: retryAt })
                    : false;
                logger.warn({ platform: reviewer.platform, err, retry }, 'review DM not sent');
              }
            }),
          );
        }
        await Promise.all(sending);
        if (due.length < pageSize) break;
      }
      lastTickError = undefined;
    } catch (error) {
      lastTickError = error instanceof Error ? error.message : String(error);
      logger.error({ err: lastTickError }, 'review tick failed');
    }
    return sent;
  }

  return {
    name: 'review',
    tick,
    async start() {
      state = 'running';
      void tick();
      const pattern = options.tickPattern === undefined ? '* * * * *' : options.tickPattern;
      if (pattern !== null) job = new Cron(pattern, { protect: true }, async () => void (await tick()));
      logger.info({ senders: platforms }, 'review scheduler started');
    },
    async stop() {
      job?.stop();
      state = 'stopped';
      if (scanning) await withinBudget(scanning, STOP_WAIT_MS);
    },
    health(): ServiceHealth {
      return {
        ok: state === 'running' && lastTickError === undefined,
        state,
        ...(lastTickError ? { lastTickError } : {}),
      };
    },
  };
}
