import { LRUCache } from 'lru-cache';
import { type Answer, type DailyAnswer, isRepeatable } from '../core/answer.js';
import { type AnswerContext, type Bot, capText } from '../core/bot.js';
import { decodeAction } from '../core/card/action.js';
import { refToAnswer } from '../core/card/answer-ref.js';
import { answerToCard, sharedBy } from '../core/card/answer-to-card.js';
import type { Card } from '../core/card/card.js';
import { problemCard, WORKING_CARD } from '../core/card/problem-card.js';
import { STATS_ROWS } from '../core/card/stats-card.js';
import { type Completion, completions } from '../core/complete.js';
import { changesSubscription, type DailyCommand } from '../core/daily/daily-command.js';
import type { Intent } from '../core/intent.js';
import { parseQuizCommand } from '../core/quiz/quiz-command.js';
import { isRemark } from '../core/remark.js';
import { parseReviewCommand } from '../core/review/review-command.js';
import type { DailyTarget } from '../daily/run-daily-command.js';
import type { Logger } from '../logger.js';
import type { Metrics, Surface } from '../metrics.js';
import type { Quiz } from '../quiz/create-quiz.js';
import type { ReviewCommands } from '../review/create-review.js';
import { isLate, withinBudget } from '../within-budget.js';
import { answerReviewCommand } from './answer-review-command.js';
import { tierOf } from './tier-of.js';
import type { ActInput, ActResult, AskInput, Conversation } from './types.js';
import { type AnswerUsage, answerUsage, type UsageLog } from './usage-log.js';

/** How many cards are remembered: a few hundred small objects, well under a megabyte. */
export const CARD_CACHE_SIZE = 500;

/** What the conversation needs of the daily engine (absent when no platform posts daily). */
export interface DailyCommands {
  run(command: DailyCommand, target: DailyTarget): Promise<DailyAnswer>;
  /** The zone of a channel's enabled subscription, for `today` there. */
  timeZoneOf(platform: DailyTarget['platform'], channelId: string): Promise<string | undefined>;
}

export interface ConversationOptions {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly defaultTimeZone: string;
  readonly clock?: () => Date;
  readonly daily?: DailyCommands;
  /** Spaced review (absent when no platform can send a DM). */
  readonly review?: ReviewCommands;
  /** Cards remembered by text (0: none, for the benchmarks' --no-cache). */
  readonly cacheSize?: number;
  readonly metrics?: Pick<Metrics, 'observeAnswer' | 'observeLatency'>;
  /** Where misses and asked patterns are counted (absent: MISS_LOG=off, or no store). */
  readonly usage?: UsageLog;
  /** Quizzes, scores and the leaderboard (absent without a store). */
  readonly quiz?: Quiz;
}

/** The metrics' surface of a text: a slash command, the console, a DM, or else a mention. */
function surfaceOf(input: AskInput): Surface {
  if (input.platform === 'console') return 'console';
  return input.surface ?? (input.place === 'dm' ? 'dm' : 'mention');
}

/** The cache key of a text: capped, trimmed, runs of white space as one space. */
function cacheKey(capped: string): string {
  return capped.trim().replace(/\s+/g, ' ');
}

/**
 * What every platform does the same way. `ask` caps the text before any work, routes `daily …` to
 * the daily engine (one grammar, one permission check) and everything else to the core, remembers
 * the cards of repeatable answers, and turns any failure into the fixed failure card. `act` decodes
 * a button with the one action codec. Context that costs a platform call is asked for lazily.
 */
export function createConversation(options: ConversationOptions): Conversation {
  const { bot, daily, defaultTimeZone } = options;
  const logger = options.logger.child({ layer: 'conversation' });
  const clock = options.clock ?? (() => new Date());
  const max = options.cacheSize ?? CARD_CACHE_SIZE;
  const cards = max > 0 ? new LRUCache<string, Card>({ max }) : undefined;
  /** The metric labels and usage of each card made, for the answers served from the cache. */
  const tiers = new WeakMap<Card, { kind: string; tier: string; usage: AnswerUsage }>();
  const note = (usage: AnswerUsage | undefined) => {
    if (!options.usage || !usage) return;
    if (usage.miss !== undefined) options.usage.miss(usage.miss);
    if (usage.asked.length > 0) options.usage.asked(usage.asked);
  };
  const failureCard = problemCard('failure');
  // People type the same prefixes ("s", "sa", "sag"), and on Discord each keystroke is a request.
  const completed =
    max > 0
      ? new LRUCache<string, Completion[]>({ max, memoMethod: (typed) => completions(bot, typed) })
      : undefined;

  const elapsed = (platform: string, surface: Surface, started: number) =>
    options.metrics?.observeLatency({ platform, surface, seconds: (performance.now() - started) / 1000 });

  async function answerDaily(command: DailyCommand, input: AskInput, capped: string): Promise<Card> {
    const { platform, channelId } = input;
    // Outside a channel (the console, a DM, a group DM) the answer is where the daily post works.
    if (
      command.type === 'invalid' ||
      !daily ||
      platform === 'console' ||
      channelId === undefined ||
      (input.place ?? 'channel') !== 'channel'
    ) {
      return answerToCard(bot.answerIntent({ type: 'daily', command }, capped));
    }
    if (changesSubscription(command) && input.canManageChannel && !(await input.canManageChannel())) {
      return answerToCard({ kind: 'daily', outcome: 'forbidden', platform });
    }
    const answer = await daily.run(command, {
      platform,
      channelId,
      ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
      ...(input.canPost ? { canPost: input.canPost } : {}),
    });
    return answerToCard(answer);
  }

  /** `stats`, for whoever may manage the channel (the check `daily on` makes), from the usage log. */
  async function answerStats(input: AskInput, capped: string): Promise<Answer> {
    const { usage } = options;
    if (!usage) return bot.answerIntent({ type: 'stats' }, capped);
    if (input.canManageChannel && !(await input.canManageChannel()))
      return { kind: 'stats', outcome: 'forbidden', platform: input.platform };
    const { asked, misses } = await usage.read(STATS_ROWS);
    return {
      kind: 'stats',
      outcome: 'report',
      days: usage.days,
      asked: asked.flatMap((row) => {
        const pattern = bot.bySlug(row.slug);
        return pattern ? [{ pattern, count: row.count }] : [];
      }),
      misses: misses.map((miss) => ({ text: miss.text, count: miss.count })),
    };
  }

  async function context(intent: Intent, input: AskInput): Promise<AnswerContext> {
    let timeZone = defaultTimeZone;
    if (intent.type === 'today' && daily && input.platform !== 'console' && input.channelId) {
      timeZone = (await daily.timeZoneOf(input.platform, input.channelId)) ?? defaultTimeZone;
    }
    return { now: clock(), timeZone };
  }

  async function answer(input: AskInput, capped: string): Promise<Card> {
    const started = performance.now();
    const seen = (kind: string, tier: string, cached: boolean) =>
      options.metrics?.observeAnswer({
        platform: input.platform,
        surface: surfaceOf(input),
        kind,
        tier,
        cached,
        seconds: (performance.now() - started) / 1000,
      });
    const review = parseReviewCommand(capped);
    if (review) {
      seen('review', 'review', false);
      return answerReviewCommand(review, input, options.review);
    }
    const quizCommand = options.quiz && parseQuizCommand(capped);
    if (quizCommand && options.quiz) {
      seen('quiz', quizCommand.type, false);
      return options.quiz.ask(quizCommand, input);
    }
    const key = cacheKey(capped);
    const known = cards?.get(key);
    if (known) {
      const labels = tiers.get(known);
      seen(labels?.kind ?? 'unknown', labels?.tier ?? 'unknown', true);
      note(labels?.usage);
      return known;
    }
    const { intent } = bot.parse(capped);
    if (intent.type === 'stats') {
      seen('stats', 'stats', false);
      return answerToCard(await answerStats(input, capped));
    }
    if (intent.type === 'daily') {
      seen('daily', 'daily', false);
      return answerDaily(intent.command, input, capped);
    }
    const result = bot.answerIntent(intent, capped, await context(intent, input));
    const answered = answerToCard(result);
    const card = isRemark(intent, result, capped) ? { ...answered, quiet: true } : answered;
    const tier = tierOf(result);
    const usage = answerUsage(result, tier, capped);
    tiers.set(card, { kind: result.kind, tier, usage });
    seen(result.kind, tier, false);
    note(usage);
    if (isRepeatable(result)) cards?.set(key, card);
    return card;
  }

  async function ask(input: AskInput): Promise<Card> {
    const capped = capText(input.text);
    try {
      return await answer(input, capped);
    } catch (error) {
      logger.error(
        {
          err:
            error instanceof Error
              ? { name: error.name, message: error.message, stack: error.stack }
              : String(error),
          platform: input.platform,
          channelId: input.channelId,
          text: capped,
        },
        'answering failed',
      );
      return failureCard;
    }
  }

  async function act(value: unknown, input: ActInput): Promise<ActResult> {
    const action = decodeAction(value);
    if (!action) return { type: 'notice', card: problemCard('stale-action') };
    if (action.type === 'quiz' || action.type === 'quiz-post') {
      return options.quiz
        ? options.quiz.act(action, input)
        : { type: 'notice', card: problemCard('stale-action') };
    }
    if (action.type === 'show') {
      const key = `\u0000show:${action.slug}`;
      const known = cards?.get(key);
      if (known) return { type: 'show', card: known };
      const found = bot.patternAnswer(action.slug);
      if (!found) return { type: 'notice', card: problemCard('pattern-gone') };
      const card = answerToCard(found);
      cards?.set(key, card);
      return { type: 'show', card };
    }
    if (action.type === 'view') {
      const found = bot.patternAnswer(action.slug, 'lookup', action.view);
      return found
        ? { type: 'show', card: answerToCard(found) }
        : { type: 'notice', card: problemCard('pattern-gone') };
    }
    if (action.type === 'compare') {
      const [a, b] = [bot.bySlug(action.slugs[0]), bot.bySlug(action.slugs[1])];
      return a && b
        ? { type: 'show', card: answerToCard(bot.compareAnswer(a, b)) }
        : { type: 'notice', card: problemCard('pattern-gone') };
    }
    if (action.type === 'review') return { type: 'notice', card: problemCard('stale-action') };
    const rebuilt = refToAnswer(action.ref, bot);
    if (!rebuilt) return { type: 'notice', card: problemCard('pattern-gone') };
    return { type: 'share', card: sharedBy(answerToCard(rebuilt), input.userId) };
  }

  return {
    ask,
    async askWithin(input, budgetMs) {
      const pending = ask(input);
      const early = await withinBudget(pending, budgetMs);
      return isLate(early) ? { later: pending } : { card: early };
    },
    async act(value, input) {
      const started = performance.now();
      try {
        const action = decodeAction(value);
        if (action?.type === 'review') {
          if (!options.review || input.platform === 'console') {
            return { type: 'notice', card: problemCard('stale-action') };
          }
          const person = { ...input, platform: input.platform };
          return { type: 'notice', card: await options.review.answer(action, person) };
        }
        return await act(value, input);
      } catch (error) {
        logger.error(
          { err: error instanceof Error ? error.message : String(error), platform: input.platform },
          'button failed',
        );
        return { type: 'notice', card: failureCard };
      } finally {
        elapsed(input.platform, 'button', started);
      }
    },
    complete(typed, { limit, platform = 'discord' } = {}) {
      const started = performance.now();
      const found =
        limit === undefined && completed
          ? completed.memo(String(typed ?? ''))
          : completions(bot, String(typed ?? ''), limit);
      elapsed(platform, 'autocomplete', started);
      return found;
    },
    isPrivate: (text) => {
      if (parseReviewCommand(String(text ?? '')) !== undefined) return true;
      const quizCommand = options.quiz && parseQuizCommand(capText(text));
      if (quizCommand) return quizCommand.type !== 'ask';
      return bot.parse(String(text ?? '')).intent.type === 'stats';
    },
    workingCard: WORKING_CARD,
    failureCard,
  };
}
