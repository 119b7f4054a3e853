import type { Command } from './commands.js';
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
  /** The local date (YYYY-MM-DD) a pattern of the day is for. */
  readonly date?: string;
}

export interface CompareAnswer {
  readonly kind: 'compare';
  readonly patterns: readonly [Pattern, Pattern];
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

export interface HelpAnswer {
  readonly kind: 'help';
  readonly commands: readonly Command[];
}

/** A short message that is not about a pattern: a subscription's status, a permission error. */
export interface NoticeAnswer {
  readonly kind: 'notice';
  readonly tone: 'info' | 'success' | 'error';
  readonly title: string;
  readonly lines: readonly string[];
}

/** Everything the core can say. Renderers switch on `kind` and end in `assertNever`. */
export type Answer =
  | PatternAnswer
  | CompareAnswer
  | ListAnswer
  | CategoryAnswer
  | NoneAnswer
  | HelpAnswer
  | NoticeAnswer;

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
    case 'none':
    case 'help':
    case 'notice':
      return [];
    default:
      return assertNever(answer);
  }
}

/**
 * Whether the same text always gets this answer from the same catalog: false for a random pick, the
 * pattern of the day (it changes at midnight) and notices (they report state, such as a subscription).
 */
export function isRepeatable(answer: Answer): boolean {
  if (answer.kind === 'notice') return false;
  return answer.kind !== 'pattern' || answer.source === 'lookup';
}
