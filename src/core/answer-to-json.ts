import { type Answer, answerPatterns } from './answer.js';
import { type PatternSummary, patternToSummary } from './pattern.js';

export interface AnswerJson {
  readonly kind: Answer['kind'];
  /** The patterns shown, in display order. */
  readonly patterns: readonly PatternSummary[];
  readonly alternatives?: readonly PatternSummary[];
  readonly related?: readonly PatternSummary[];
  readonly suggestions?: readonly PatternSummary[];
  readonly category?: string;
  readonly reason?: string;
  readonly source?: string;
  readonly date?: string;
  /** What a `daily …` command came to. */
  readonly outcome?: string;
}

/** A stable JSON view of an answer, for the CLI and scripts. */
export function answerToJson(answer: Answer): AnswerJson {
  const base = { kind: answer.kind, patterns: answerPatterns(answer).map(patternToSummary) };
  switch (answer.kind) {
    case 'pattern':
      return {
        ...base,
        source: answer.source,
        ...(answer.date ? { date: answer.date } : {}),
        related: answer.related.map(patternToSummary),
        alternatives: answer.alternatives.map(patternToSummary),
      };
    case 'category':
      return { ...base, category: answer.group.category };
    case 'none':
      return { ...base, reason: answer.reason, suggestions: answer.suggestions.map(patternToSummary) };
    case 'daily':
      return { ...base, outcome: answer.outcome };
    default:
      return base;
  }
}
