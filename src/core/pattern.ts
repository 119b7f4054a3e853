/** One architecture pattern, as a row of the catalog. */
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
