import MiniSearch from 'minisearch';
import { contentWords, stem } from './normalize.js';
import type { Pattern } from './pattern.js';

/**
 * The content fields a question is matched against, and what a word found in each is worth (as a
 * share of a word found in a name or alias). Implementations are nearly names ("resilience4j fallback
 * not called" is a circuit-breaker question); what a pattern is for comes next; what to avoid it for,
 * and what it is confused with, mention other ideas and count least.
 */
export const CONTENT_FIELDS = {
  implementations: 0.5,
  summary: 0.6,
  problem: 0.6,
  qualities: 0.6,
  use_when: 0.5,
  plain: 0.4,
  glossary: 0.4,
  confusions: 0.25,
  avoid_when: 0.2,
} as const;

export type ContentField = keyof typeof CONTENT_FIELDS;
const FIELDS = Object.keys(CONTENT_FIELDS) as ContentField[];

/** Extra text per pattern from outside its file: the glossary's lines on how a term relates to it. */
export type ExtraContent = ReadonlyMap<string, readonly string[]>;

function fieldsOf(pattern: Pattern, extra: ExtraContent | undefined): Record<ContentField, string> {
  const doc = pattern.doc;
  return {
    implementations: doc?.implementations.map((i) => i.name).join(' ; ') ?? '',
    summary: doc?.summary ?? '',
    problem: doc?.problem ?? '',
    qualities: doc?.qualities.join(' ') ?? '',
    use_when: doc?.use_when.join(' ; ') ?? '',
    plain: doc?.in_plain_words ?? '',
    glossary: extra?.get(pattern.slug)?.join(' ; ') ?? '',
    confusions: doc?.confusions.map((c) => c.difference).join(' ; ') ?? '',
    avoid_when: doc?.avoid_when.join(' ; ') ?? '',
  };
}

export interface ContentHit {
  readonly index: number;
  /** The BM25 score (unbounded: it ranks, it does not say how sure). */
  readonly rank: number;
  /** Each matched stem and the best field weight it was found in. */
  readonly matched: ReadonlyMap<string, number>;
}

export interface ContentIndex {
  /** How many patterns' content holds the stem. */
  documentFrequency(stemmed: string): number;
  /** Best first, at most `limit`. Stems are the query's, already stemmed (and typo-corrected). */
  search(stems: readonly string[], limit: number): ContentHit[];
}

/** Numbers in prose ("WS-* 1.0", "30 seconds") are no evidence of a topic. */
const tokenize = (text: string) => contentWords(text).filter((word) => !/^\p{N}+$/u.test(word));

/**
 * BM25 over the patterns' authored content, by MiniSearch (field boosts, BM25+ scoring) with this
 * project's own tokens: the same folding, filler words and Porter stems as names and aliases, so a
 * word means the same thing wherever it is found.
 */
export function createContentIndex(patterns: readonly Pattern[], extra?: ExtraContent): ContentIndex {
  const index = new MiniSearch<{ id: number } & Record<ContentField, string>>({
    fields: FIELDS,
    storeFields: [],
    tokenize,
    processTerm: (term) => stem(term),
    searchOptions: {
      boost: CONTENT_FIELDS,
      combineWith: 'OR',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    },
  });
  const df = new Map<string, number>();
  const documents = patterns.map((pattern, id) => {
    const fields = fieldsOf(pattern, extra);
    const seen = new Set<string>();
    for (const field of FIELDS) for (const word of tokenize(fields[field])) seen.add(stem(word));
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
    return { id, ...fields };
  });
  index.addAll(documents.filter((d) => FIELDS.some((f) => d[f] !== '')));

  return {
    documentFrequency: (stemmed) => df.get(stemmed) ?? 0,
    search(stems, limit) {
      const known = [...new Set(stems)].filter((s) => df.has(s));
      if (known.length === 0) return [];
      return index
        .search(known.join(' '))
        .slice(0, limit)
        .map((result) => {
          const matched = new Map<string, number>();
          for (const [term, fields] of Object.entries(result.match)) {
            matched.set(term, Math.max(...fields.map((f) => CONTENT_FIELDS[f as ContentField] ?? 0)));
          }
          return { index: result.id as number, rank: result.score, matched };
        });
    },
  };
}
