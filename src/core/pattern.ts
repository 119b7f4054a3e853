import type { PatternDoc } from './catalog/pattern-doc.js';

/** One architecture pattern, as a row of the catalog, with its authored content when there is some. */
export interface Pattern {
  /** Two-digit code such as `06`. */
  readonly code: string;
  /** Kebab-case identifier such as `saga-pattern`. */
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  /** Synonyms, abbreviations and well-known implementations. */
  readonly aliases: readonly string[];
  /** Slugs of related patterns. */
  readonly related: readonly string[];
  /**
   * The teaching content of `data/patterns/<slug>.yaml`: absent for a catalog that has only the TSV's
   * columns, whose cards then show what the row holds.
   */
  readonly doc?: PatternDoc;
}

/** The fields every platform shows of a pattern in a list. */
export interface PatternSummary {
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly category: string;
}

export function patternToSummary(pattern: Pattern): PatternSummary {
  return { code: pattern.code, slug: pattern.slug, name: pattern.name, category: pattern.category };
}
