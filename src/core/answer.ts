import type { PatternView } from './card/action.js';
import type { Rich } from './card/card.js';
import type { Command } from './commands.js';
import type { CanPost } from './daily/can-post.js';
import type { Quality } from './goal-of.js';
import type { Pattern } from './pattern.js';

/** The patterns of one category, in catalog order. */
export interface CategoryGroup {
  readonly category: string;
  readonly patterns: readonly Pattern[];
}

/** Why a pattern card is shown: asked for, picked at random, or the pattern of the day. */
export type PatternSource = 'lookup' | 'random' | 'today';

export interface PatternAnswer {
  readonly kind: 'pattern';
  readonly pattern: Pattern;
  /** The catalog's related patterns, resolved. */
  readonly related: readonly Pattern[];
  /** "Did you mean" alternatives, when the match was weak or another pattern scored close. */
  readonly alternatives: readonly Pattern[];
  readonly source: PatternSource;
  /**
   * How sure a looked-up card is: `answer` (at or above CONFIDENT), or `did-you-mean` (plausible, shown
   * with its near matches). Absent for cards not found by a search (random, today, buttons).
   */
  readonly tier?: 'answer' | 'did-you-mean';
  /** The local date (YYYY-MM-DD) a pattern of the day is for. */
  readonly date?: string;
  /** Which layer of the card: the short first view (default), More, Diagram or Compare with…. */
  readonly view?: PatternView;
  /** Every pattern its content names (relations, confusions), resolved, for the layers' names and buttons. */
  readonly neighbours?: readonly Pattern[];
  /** Asked as a comparison with a term outside the catalog ("retry vs circuit breaker"): what the term is to it. */
  readonly versus?: {
    readonly term: string;
    readonly definition: string;
    readonly how?: string;
    /** From the curated pair note, when there is one: the difference, and when to choose each. */
    readonly difference?: string;
    readonly chooseThis?: string;
    readonly chooseTerm?: string;
  };
}

/** A curated note on a pair, turned to the order the comparison shows. */
export interface PairView {
  readonly relation: 'alternatives' | 'complements' | 'different-layers';
  readonly difference: string;
  /** When to choose the first pattern shown, and when the second. */
  readonly chooseFirst: string;
  readonly chooseSecond: string;
  readonly together?: string;
}

/** How the two patterns of a comparison relate, from their content: a typed relation with its why. */
export interface PairRelation {
  readonly type: string;
  /** The one-line why, written from the point of view of `from`. */
  readonly note: string;
  readonly from: string;
}

export interface CompareAnswer {
  readonly kind: 'compare';
  readonly patterns: readonly [Pattern, Pattern];
  /** The curated note for the pair, when there is one. */
  readonly note?: PairView;
  /** Their relations in the content (either direction); empty when they solve different problems. */
  readonly relations?: readonly PairRelation[];
}

export interface ListAnswer {
  readonly kind: 'list';
  readonly groups: readonly CategoryGroup[];
}

export interface CategoryAnswer {
  readonly kind: 'category';
  readonly group: CategoryGroup;
}

/** Why nothing is shown. */
export type NoneReason = 'no-match' | 'no-category' | 'compare-needs-two';

export interface NoneAnswer {
  readonly kind: 'none';
  /** What was looked for, as typed (trimmed and capped); renderers must escape it. */
  readonly query: string;
  readonly reason: NoneReason;
  /** Real near matches only; empty when nothing came close. */
  readonly suggestions: readonly Pattern[];
}

/** A term that is not a pattern of this catalog (2PC, bulkhead…): its definition, and the patterns it touches. */
export interface TermAnswer {
  readonly kind: 'term';
  readonly term: string;
  readonly definition: string;
  /** The catalog's patterns it relates to, and how, in the glossary's order. */
  readonly relates: readonly { readonly pattern: Pattern; readonly how: string }[];
}

/** A question about a goal ("patterns for reliability"): the patterns whose content says they serve it, best first. */
export interface GoalAnswer {
  readonly kind: 'goal';
  readonly quality: Quality;
  readonly patterns: readonly Pattern[];
}

export interface HelpAnswer {
  readonly kind: 'help';
  readonly commands: readonly Command[];
}

/** A channel's daily schedule, as the daily answers report it. */
export interface DailySchedule {
  /** 24-hour `HH:MM`, local to `timeZone`. */
  readonly time: string;
  readonly timeZone: string;
  /** Bitmask of weekdays: bit 0 Sunday … bit 6 Saturday. */
  readonly weekdays: number;
  readonly thread: boolean;
  /** The post carries the pattern's diagram. */
  readonly diagram: boolean;
  /** Whether each post ends with a question of the day. */
  readonly quiz?: boolean;
  /** The next post, if one is scheduled. */
  readonly nextPostAt?: Date;
  /** Set by DAILY_CHANNELS in the configuration rather than by a command. */
  readonly fromConfig: boolean;
}

/** What a `daily …` command came to. The wording of each outcome is `answerToCard`'s. */
export type DailyOutcome =
  | { readonly outcome: 'invalid'; readonly problems: readonly Rich[] }
  /** Asked outside a channel (the console, a DM, a group DM): the daily post is for channels. */
  | { readonly outcome: 'channels-only' }
  | { readonly outcome: 'status-none'; readonly defaultTime: string; readonly defaultTimeZone: string }
  | { readonly outcome: 'status-off'; readonly reason?: string }
  | { readonly outcome: 'status-on'; readonly schedule: DailySchedule }
  | { readonly outcome: 'turned-on'; readonly schedule: DailySchedule }
  | { readonly outcome: 'turned-off' }
  | { readonly outcome: 'already-off' }
  /** This person may not change the channel's subscription. */
  | { readonly outcome: 'forbidden'; readonly platform: 'slack' | 'discord' }
  /** This deployment does not post daily patterns to the platform. */
  | { readonly outcome: 'unavailable'; readonly platform: 'slack' | 'discord' }
  /** Checking that the bot can post failed (the platform did not answer). */
  | { readonly outcome: 'check-failed' }
  | { readonly outcome: 'cannot-post'; readonly problem: Exclude<CanPost, { ok: true }> };

export type DailyAnswer = { readonly kind: 'daily' } & DailyOutcome;

/** A question that found nothing or only a "did you mean", as the miss log keeps it. */
export interface StatsMiss {
  readonly text: string;
  readonly count: number;
}

/** What `stats` came to. The wording of each outcome is `statsCard`'s. */
export type StatsOutcome =
  | {
      readonly outcome: 'report';
      /** How many days back the report reaches. */
      readonly days: number;
      /** The patterns asked for most, with how often, most first. */
      readonly asked: readonly { readonly pattern: Pattern; readonly count: number }[];
      readonly misses: readonly StatsMiss[];
    }
  /** This person may not manage the channel. */
  | { readonly outcome: 'forbidden'; readonly platform: 'slack' | 'discord' | 'console' }
  /** No miss log here: MISS_LOG=off, or no store (the CLI). */
  | { readonly outcome: 'unavailable' };

export type StatsAnswer = { readonly kind: 'stats' } & StatsOutcome;

/** Everything the core can say. Renderers switch on `kind` and end in `assertNever`. */
export type Answer =
  | PatternAnswer
  | CompareAnswer
  | ListAnswer
  | CategoryAnswer
  | NoneAnswer
  | HelpAnswer
  | TermAnswer
  | GoalAnswer
  | DailyAnswer
  | StatsAnswer;

export type AnswerKind = Answer['kind'];

export function assertNever(value: never): never {
  throw new Error(`unhandled answer: ${JSON.stringify(value)}`);
}

/** The patterns an answer shows, in display order (the main ones; alternatives and related aside). */
export function answerPatterns(answer: Answer): readonly Pattern[] {
  switch (answer.kind) {
    case 'pattern':
      return [answer.pattern];
    case 'compare':
      return answer.patterns;
    case 'list':
      return answer.groups.flatMap((group) => group.patterns);
    case 'category':
      return answer.group.patterns;
    case 'term':
      return answer.relates.map((r) => r.pattern);
    case 'goal':
      return answer.patterns;
    case 'stats':
      return answer.outcome === 'report' ? answer.asked.map((a) => a.pattern) : [];
    case 'none':
    case 'help':
    case 'daily':
      return [];
    default:
      return assertNever(answer);
  }
}

/**
 * Whether the same text always gets this answer from the same catalog: false for a random pick, the
 * pattern of the day (it changes at midnight), daily and stats answers (they report state).
 */
export function isRepeatable(answer: Answer): boolean {
  if (answer.kind === 'daily' || answer.kind === 'stats') return false;
  return answer.kind !== 'pattern' || answer.source === 'lookup';
}
