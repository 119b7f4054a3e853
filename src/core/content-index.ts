import { contentWords, isFillerWord, stem } from './normalize.js';
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

/** Plain ASCII prose takes a fast path; anything else goes through the full folding of names and queries. */
/** Anything but printable ASCII and white space. */
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;
const ASCII_SPLIT = /[^a-z0-9#]+/;
const NUMBER = /^[0-9]+$/;

/** The raw words of a field: each is then looked up once (filler words and numbers are dropped there). */
function rawWords(text: string): string[] {
  return !NOT_PLAIN.test(text) ? text.toLowerCase().split(ASCII_SPLIT) : contentWords(text);
}

/** BM25's term-frequency saturation and length normalisation (the usual values). */
const K1 = 1.2;
const B = 0.75;
/** A word in more than this share of the patterns' content says nothing about which one is meant. */
const MAX_DF_SHARE = 0.05;
const MIN_DF_CAP = 20;

interface Posting {
  readonly docs: number[];
  /** The field-weighted count of the stem in each doc (BM25F). */
  readonly tf: number[];
  /** The best field weight the stem has in each doc. */
  readonly best: number[];
  /** The last doc pushed, so a doc is pushed once. */
  last: number;
}

/**
 * BM25F over the patterns' authored content, with this project's own tokens (the same filler words
 * and Porter stems as names and aliases). Hand-written rather than MiniSearch: MiniSearch's radix-tree
 * index took 16 s to build over 10,000 patterns of real-sized content on this machine, against a budget
 * of 1 s, and a query of common words scanned every document; this index is flat arrays per stem,
 * looks each surface word up once, and skips stems that are in more than 5% of the patterns.
 */
export function createContentIndex(patterns: readonly Pattern[], extra?: ExtraContent): ContentIndex {
  const postings = new Map<string, Posting>();
  /** surface word → its posting, or null for a filler word or a number */
  const bySurface = new Map<string, Posting | null>();
  const postingOf = (word: string): Posting | null => {
    let posting = bySurface.get(word);
    if (posting !== undefined) return posting;
    // A lone letter is what is left of "service's" split at the quote.
    if (word.length < 2 || isFillerWord(word) || NUMBER.test(word)) posting = null;
    else {
      const stemmed = stem(word);
      posting = postings.get(stemmed) ?? { docs: [], tf: [], best: [], last: -1 };
      postings.set(stemmed, posting);
    }
    bySurface.set(word, posting);
    return posting;
  };
  const lengths: number[] = [];
  let totalLength = 0;
  patterns.forEach((pattern, doc) => {
    const fields = fieldsOf(pattern, extra);
    let length = 0;
    for (const field of FIELDS) {
      const text = fields[field];
      if (text === '') continue;
      const weight = CONTENT_FIELDS[field];
      for (const word of rawWords(text)) {
        const posting = postingOf(word);
        if (!posting) continue;
        length++;
        if (posting.last !== doc) {
          posting.last = doc;
          posting.docs.push(doc);
          posting.tf.push(weight);
          posting.best.push(weight);
          continue;
        }
        const at = posting.docs.length - 1;
        posting.tf[at] = (posting.tf[at] ?? 0) + weight;
        if ((posting.best[at] ?? 0) < weight) posting.best[at] = weight;
      }
    }
    lengths.push(length);
    totalLength += length;
  });
  const count = Math.max(patterns.length, 1);
  const averageLength = totalLength / count || 1;
  const dfCap = Math.max(MIN_DF_CAP, Math.ceil(count * MAX_DF_SHARE));

  return {
    documentFrequency: (stemmed) => postings.get(stemmed)?.docs.length ?? 0,
    search(stems, limit) {
      const scores = new Map<number, number>();
      const matched = new Map<number, Map<string, number>>();
      for (const stemmed of new Set(stems)) {
        const posting = postings.get(stemmed);
        if (!posting || posting.docs.length > dfCap) continue;
        const df = posting.docs.length;
        const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
        posting.docs.forEach((doc, i) => {
          const tf = posting.tf[i] ?? 0;
          const norm = K1 * (1 - B + (B * (lengths[doc] ?? 0)) / averageLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / (tf + norm));
          let words = matched.get(doc);
          if (!words) {
            words = new Map();
            matched.set(doc, words);
          }
          words.set(stemmed, posting.best[i] ?? 0);
        });
      }
      return [...scores.entries()]
        .sort(([a, x], [b, y]) => y - x || a - b)
        .slice(0, limit)
        .map(([index, rank]) => ({ index, rank, matched: matched.get(index) ?? new Map() }));
    },
  };
}
