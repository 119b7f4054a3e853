import Fuse from 'fuse.js';
import { createContentIndex, type ExtraContent } from './content-index.js';
import { compactKey, contentWords, exactKey, stem, wordsKey } from './normalize.js';
import type { Pattern } from './pattern.js';
import { TypoIndex } from './typo-index.js';

/** How a hit was found, strongest first. */
export type MatchKind = 'code' | 'exact' | 'words' | 'content' | 'fuzzy';

export interface SearchHit {
  readonly pattern: Pattern;
  /** Confidence in [0, 1]: 1 is an exact name, slug, code or alias. */
  readonly score: number;
  readonly matchedBy: MatchKind;
  /**
   * The query holds a whole name, alias or implementation of this pattern ("saga", "resilience4j"):
   * how many words the fullest of them has.
   */
  readonly mentioned?: number;
}

export interface SearchIndex {
  readonly patterns: readonly Pattern[];
  search(query: string, limit?: number): SearchHit[];
}

/** A query that is only a code, optionally as `#6`, `pattern 6`, `code 6` or `no. 6`. */
const STANDALONE_CODE = /^\s*(?:\/?pattern\s+|code\s+|no\.?\s*|number\s+)?#?(\d{1,4})\s*[?.!]*\s*$/i;

/** Longest query that is searched; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** How much a word counts when it is found in a name or alias, the description, or the category. */
const FIELD_WEIGHT = { key: 1, description: 0.5, category: 0.4 } as const;
/** In a query of at most this many content words, what an everyday English word keeps of its value when it completes no name or alias of its own. */
const COMMON_WORD = 0.35;
const SHORT_QUERY_WORDS = 3;
/** A key word that is part of a longer alias the query does not complete. */
const PARTIAL_PHRASE = 0.75;
/** What a corrected typo keeps of a word's value, by edit distance. */
const TYPO_PENALTY = [1, 0.88, 0.72] as const;
/** The last word may be a prefix being typed ("sag"): this long at least, worth this much, this many completions. */
const MIN_PREFIX = 3;
const PREFIX_PENALTY = 0.8;
const MAX_COMPLETIONS = 8;
/** The weight of a word that appears nowhere in the catalog. */
const UNKNOWN_WORD_WEIGHT = 0.4;
/** Exact key shared by several patterns (an alias like "axon"). */
const SHARED_EXACT_SCORE = 0.9;
/**
 * A question that holds a whole name, alias or implementation of a pattern is about it, however long
 * ("Duplicate saga created if ID and initial association value match different segments"): its score
 * is at least this. Not for a lone everyday word of a short text ("back", "events?").
 */
const MENTION_FLOOR = 0.62;
/** What an ordinary English word found only in a pattern's content keeps of its value in a longer query. */
const ENGLISH_IN_CONTENT = 0.6;
/** When some pattern is named in the query, what the others keep of their score (the named one is the topic). */
const NOT_MENTIONED = 0.75;
/** How many content hits are weighed (BM25 ranks them; the rest are noise for a confidence). */
const CONTENT_LIMIT = 12;
/**
 * Fuse.js re-ranks short queries (names with heavy typos, not questions) when the word engine is unsure,
 * over the records of the best candidates the word engine found: it scans every record it is given, so
 * it is never given the whole catalog, and a query that shares no word with any pattern never reaches it.
 */
const FUSE_BELOW = 0.6;
const FUSE_MAX_WORDS = 3;
const FUSE_THRESHOLD = 0.3;
const FUSE_SCALE = 0.8;
const FUSE_MAX_CANDIDATES = 8;
const FUSE_MIN_EVIDENCE = 0.2;

/** How fuse.js is used here: one `text` field, matched anywhere in it (not only near its start), scored. */
function fuseTextOptions(threshold: number) {
  return { keys: ['text'], includeScore: true, ignoreLocation: true, threshold };
}

interface Resolved {
  readonly stems: readonly string[];
  readonly penalty: number;
  readonly weight: number;
  /**
   * An ordinary English word ("back", "again", "saved") in a short query: weak evidence unless it
   * completes a name or alias. Chat is short ("thanks again", "fixed my problem"); a question told at
   * length has enough words to stand on, everyday or not ("how do I replace a legacy monolith gradually?").
   */
  readonly common?: boolean;
  /** An ordinary English word, in a query of any length: weaker evidence when found only in content. */
  readonly english?: boolean;
}

interface FuseRecord {
  readonly index: number;
  readonly text: string;
}

function keyTexts(pattern: Pattern): string[] {
  const doc = pattern.doc;
  return [
    pattern.name,
    pattern.slug,
    ...pattern.aliases,
    ...(doc ? [doc.short_name, ...(doc.aliases ?? [])] : []),
  ];
}

/**
 * Implementations name the pattern when written whole ("Debezium", "Axon Framework"), but their words
 * alone are everyday ones ("state machine", "step functions"): they join the exact table and the
 * mentions, and count word by word only as content.
 */
function implementationTexts(pattern: Pattern): string[] {
  return pattern.doc?.implementations.map((i) => i.name) ?? [];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

export interface SearchOptions {
  /**
   * Whether a word is an ordinary English word. Such a word is never "corrected" into a catalog word
   * ("test" is not a typo of "rest", "come" not of "code"), and in a short query it is weak evidence.
   * Asked only of query words that could be corrected or of short queries' words, so a word list is
   * loaded lazily, on the first query that needs it.
   */
  readonly isWord?: (word: string) => boolean;
  /** Content from outside the pattern files that is about a pattern (the glossary's "how it relates"). */
  readonly extraContent?: ExtraContent;
  /**
   * Phrases that are terms of their own (the glossary's "bulkhead", "retry"): when a pattern lists one
   * as an alias, the query holding it is not a mention of that pattern.
   */
  readonly ownTerms?: readonly string[];
}

export function createSearchIndex(patterns: readonly Pattern[], options: SearchOptions = {}): SearchIndex {
  const isWord = options.isWord ?? (() => false);
  const content = createContentIndex(patterns, options.extraContent);
  const ownTerms = new Set((options.ownTerms ?? []).map(exactKey));
  const exact = new Map<string, Set<number>>();
  const byCode = new Map<number, number>();
  /** stem → pattern index → best field weight */
  const postings = new Map<string, Map<number, number>>();
  /** per pattern: its key phrases as stem lists */
  const phrases: string[][][] = [];
  /** per pattern: the phrases a query may hold to mention it (not glossary terms) */
  const mentionPhrases: string[][][] = [];
  /** per pattern: the keys of its own name, slug and short name */
  const namedStems: Set<string>[] = [];
  /** surface word → its stem, for typo correction */
  const surface = new Map<string, string>();
  const typos = new TypoIndex();
  const fuseRecords: FuseRecord[] = [];

  const post = (stemmed: string, index: number, weight: number) => {
    let byPattern = postings.get(stemmed);
    if (!byPattern) {
      byPattern = new Map();
      postings.set(stemmed, byPattern);
    }
    byPattern.set(index, Math.max(byPattern.get(index) ?? 0, weight));
  };
  const learn = (words: string[], index: number, weight: number) => {
    for (const word of words) {
      const stemmed = stem(word);
      post(stemmed, index, weight);
      if (!surface.has(word)) {
        surface.set(word, stemmed);
        typos.add(word);
      }
    }
  };

  patterns.forEach((pattern, index) => {
    const code = Number.parseInt(pattern.code, 10);
    if (/^\d+$/.test(pattern.code) && !byCode.has(code)) byCode.set(code, index);
    const own: string[][] = [];
    const mentions: string[][] = [];
    for (const text of keyTexts(pattern)) {
      const words = contentWords(text);
      if (words.length === 0) continue;
      const key = wordsKey(words);
      if (!ownTerms.has(key)) mentions.push(words.map(stem));
      addTo(exact, key, index);
      addTo(exact, compactKey(key), index);
      learn(words, index, FIELD_WEIGHT.key);
      own.push(words.map(stem));
    }
    // Fuse costs about 10 µs a record: it gets the name only (aliases are matched word by word above).
    const nameWords = contentWords(pattern.name);
    if (nameWords.length > 0) fuseRecords.push({ index, text: nameWords.join(' ') });
    for (const text of implementationTexts(pattern)) {
      const words = contentWords(text);
      if (words.length === 0) continue;
      const key = wordsKey(words);
      addTo(exact, key, index);
      addTo(exact, compactKey(key), index);
      if (!ownTerms.has(key)) mentions.push(words.map(stem));
    }
    phrases.push(own);
    mentionPhrases.push(mentions);
    namedStems.push(
      new Set([pattern.name, pattern.slug, ...(pattern.doc ? [pattern.doc.short_name] : [])].map(exactKey)),
    );
    learn(contentWords(pattern.description), index, FIELD_WEIGHT.description);
    learn(contentWords(pattern.category), index, FIELD_WEIGHT.category);
  });

  const total = Math.max(patterns.length, 1);
  const idf = (stemmed: string) => {
    const df = Math.max(postings.get(stemmed)?.size ?? 0, content.documentFrequency(stemmed));
    return df === 0 ? UNKNOWN_WORD_WEIGHT : Math.log(1 + total / df) / Math.log(1 + total);
  };

  const vocabulary = [...surface.keys()].sort();
  /** Known words that start with `prefix` (as-you-type: "sag" → "saga"), at most a few. */
  function completions(prefix: string): string[] {
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((vocabulary[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < vocabulary.length && found.length < MAX_COMPLETIONS; i++) {
      const word = vocabulary[i] as string;
      if (!word.startsWith(prefix)) break;
      found.push(word);
    }
    return found;
  }

  function resolve(word: string, last: boolean, short: boolean, othersKnown: boolean): Resolved {
    const stemmed = stem(word);
    if (postings.has(stemmed) || content.documentFrequency(stemmed) > 0) {
      const english = isWord(word);
      return {
        stems: [stemmed],
        penalty: 1,
        weight: idf(stemmed),
        ...(short && english ? { common: true } : {}),
        ...(english ? { english: true } : {}),
      };
    }
    const corrections = typos.mayCorrect(word) && !isWord(word) ? typos.correct(word) : [];
    const first = corrections[0];
    if (!first) {
      const completed = last && word.length >= MIN_PREFIX && othersKnown ? completions(word) : [];
      if (completed.length === 0) return { stems: [], penalty: 0, weight: UNKNOWN_WORD_WEIGHT };
      const stems = [...new Set(completed.map((w) => surface.get(w) ?? w))];
      // An everyday word is not a prefix being typed of a longer one ("help" of "helper") unless it
      // completes a name or alias.
      return {
        stems,
        penalty: PREFIX_PENALTY,
        weight: Math.max(...stems.map(idf)),
        ...(short && isWord(word) ? { common: true } : {}),
      };
    }
    const stems = [...new Set(corrections.map((c) => surface.get(c.word) ?? c.word))];
    return {
      stems,
      penalty: TYPO_PENALTY[first.distance] ?? 0,
      weight: Math.max(...stems.map(idf)),
    };
  }

  function scoreWords(resolved: Resolved[]): Map<number, number> {
    const candidates = new Set<number>();
    for (const r of resolved)
      for (const s of r.stems) for (const index of postings.get(s)?.keys() ?? []) candidates.add(index);
    const totalWeight = resolved.reduce((sum, r) => sum + r.weight, 0);
    const scores = new Map<number, number>();
    if (totalWeight === 0) return scores;
    const queryStems = new Set(resolved.flatMap((r) => r.stems));
    for (const index of candidates) {
      const complete = new Set<string>();
      for (const phrase of phrases[index] ?? []) {
        if (phrase.every((s) => queryStems.has(s))) for (const s of phrase) complete.add(s);
      }
      let sum = 0;
      for (const r of resolved) {
        let best = 0;
        for (const s of r.stems) {
          const field = postings.get(s)?.get(index) ?? 0;
          const partial = field === FIELD_WEIGHT.key && !complete.has(s);
          // An everyday word found only in a description, or as one word of a longer alias, is weak
          // evidence: "thanks again", "back", "saved my sanity" are chat, not questions.
          const weak = r.common === true && (partial || field < FIELD_WEIGHT.key);
          const value = weak ? field * COMMON_WORD : partial ? PARTIAL_PHRASE : field;
          best = Math.max(best, value);
        }
        sum += r.weight * best * r.penalty;
      }
      if (sum > 0) scores.set(index, sum / totalWeight);
    }
    return scores;
  }

  /**
   * The share of the query's weight the pattern's content covers, among the BM25 best few: each word
   * counts by its field's weight, less for a corrected typo, much less for an everyday word of a short
   * text ("thanks again" is chat, whatever a use-when line says).
   */
  function scoreContent(resolved: Resolved[]): Map<number, number> {
    const scores = new Map<number, number>();
    const totalWeight = resolved.reduce((sum, r) => sum + r.weight, 0);
    if (totalWeight === 0) return scores;
    for (const hit of content.search(
      resolved.flatMap((r) => r.stems),
      CONTENT_LIMIT,
    )) {
      let sum = 0;
      for (const r of resolved) {
        const value = Math.max(0, ...r.stems.map((s) => hit.matched.get(s) ?? 0));
        sum += r.weight * value * r.penalty * (r.common ? COMMON_WORD : r.english ? ENGLISH_IN_CONTENT : 1);
      }
      if (sum > 0) scores.set(hit.index, sum / totalWeight);
    }
    return scores;
  }

  /** The patterns whose whole name, alias or implementation the query holds, typed as such (no typo). */
  function mentionsOf(
    resolved: Resolved[],
    short: boolean,
    candidates: Iterable<number>,
  ): Map<number, number> {
    const exactStems = new Set<string>();
    const englishStems = new Set<string>();
    for (const r of resolved) {
      if (r.penalty !== 1) continue;
      for (const s of r.stems) {
        exactStems.add(s);
        if (r.english) englishStems.add(s);
      }
    }
    const held = new Map<number, Set<string>>();
    for (const index of candidates) {
      const words = new Set<string>();
      const named = namedStems[index];
      for (const phrase of mentionPhrases[index] ?? []) {
        if (!phrase.every((s) => exactStems.has(s))) continue;
        // One everyday word names a pattern only when it is the pattern's own name ("saga", "sidecar"),
        // and not even then in a short text ("sidecar containers" is matched word by word instead);
        // an alias that is an everyday word ("events", "gateway", "fallback") is evidence, not a name.
        const lone = phrase.length === 1 ? (phrase[0] as string) : undefined;
        if (lone !== undefined && englishStems.has(lone) && (short || !named?.has(lone))) continue;
        for (const s of phrase) words.add(s);
      }
      if (words.size > 0) held.set(index, words);
    }
    // "event sourcing" names one pattern; the "event" inside it does not name another. Of several
    // patterns named, the most fully named is the topic ("API Gateway in a Microservices architecture").
    const strongest = Math.max(0, ...[...held.values()].map((words) => words.size));
    const found = new Map<number, number>();
    for (const [index, words] of held) {
      const inside = [...held].some(
        ([other, more]) => other !== index && more.size > words.size && [...words].every((w) => more.has(w)),
      );
      if (!inside && words.size === strongest) found.set(index, words.size);
    }
    return found;
  }

  const recordsOf = new Map<number, FuseRecord[]>();
  for (const record of fuseRecords) {
    const list = recordsOf.get(record.index);
    if (list) list.push(record);
    else recordsOf.set(record.index, [record]);
  }
  const topCandidates = (hits: Map<number, { score: number }>) =>
    [...hits.entries()]
      .filter(([, hit]) => hit.score >= FUSE_MIN_EVIDENCE)
      .sort(([, a], [, b]) => b.score - a.score)
      .slice(0, FUSE_MAX_CANDIDATES)
      .map(([index]) => index);
  const fuseOver = (indexes: number[]) =>
    new Fuse(
      indexes.flatMap((index) => recordsOf.get(index) ?? []),
      fuseTextOptions(FUSE_THRESHOLD),
    );

  function search(query: string, limit = 5): SearchHit[] {
    const text = query.slice(0, MAX_QUERY_LENGTH);
    const words = contentWords(text);
    if (words.length === 0) return [];
    const hits = new Map<number, { score: number; matchedBy: MatchKind }>();
    const offer = (index: number, score: number, matchedBy: MatchKind) => {
      const current = hits.get(index);
      if (!current || score > current.score) hits.set(index, { score, matchedBy });
    };

    // A code only when the number stands alone ("06", "#6", "pattern 6"): "+1" is a thumbs-up, and a
    // number inside a sentence ("1 question") is not a pattern's code.
    const code = words.length === 1 ? STANDALONE_CODE.exec(text) : null;
    const codeIndex = code ? byCode.get(Number.parseInt(code[1] ?? '', 10)) : undefined;
    if (codeIndex !== undefined) offer(codeIndex, 1, 'code');

    const key = wordsKey(words);
    for (const candidate of [key, compactKey(key)]) {
      const found = exact.get(candidate);
      if (found) for (const index of found) offer(index, found.size === 1 ? 1 : SHARED_EXACT_SCORE, 'exact');
    }
    // The whole query is one pattern's name or alias ("saga", "cqrs"): nothing else can outrank it,
    // so the word and content rankings are skipped (most questions a bot gets are this).
    const only = codeIndex === undefined && hits.size === 1 ? [...hits][0] : undefined;
    if (only && only[1].score === 1) {
      const [index] = only;
      return [{ pattern: patterns[index] as Pattern, score: 1, matchedBy: 'exact', mentioned: words.length }];
    }

    const short = words.length <= SHORT_QUERY_WORDS;
    const known = (word: string) => postings.has(stem(word)) || content.documentFrequency(stem(word)) > 0;
    const othersKnown = words.slice(0, -1).every(known);
    const resolved = words.map((word, i) => resolve(word, i === words.length - 1, short, othersKnown));
    const keyScores = scoreWords(resolved);
    const contentScores = scoreContent(resolved);
    for (const index of new Set([...keyScores.keys(), ...contentScores.keys()])) {
      const key = keyScores.get(index) ?? 0;
      const fromContent = contentScores.get(index) ?? 0;
      // Either kind of evidence may carry the answer; both together are surer than either.
      const score = 1 - (1 - key) * (1 - fromContent);
      offer(index, score, key >= fromContent ? 'words' : 'content');
    }
    const mentioned = mentionsOf(resolved, short, keyScores.keys());
    if (mentioned.size > 0) {
      for (const [index, hit] of hits) {
        if (!mentioned.has(index) && hit.matchedBy !== 'code' && hit.matchedBy !== 'exact')
          hits.set(index, { ...hit, score: hit.score * NOT_MENTIONED });
      }
    }
    for (const index of mentioned.keys()) offer(index, MENTION_FLOOR, 'words');

    const best = Math.max(0, ...[...hits.values()].map((hit) => hit.score));
    const candidates = best < FUSE_BELOW && words.length <= FUSE_MAX_WORDS ? topCandidates(hits) : [];
    if (candidates.length > 0) {
      const fuseQuery = words.join(' ').slice(0, 32);
      for (const result of fuseOver(candidates).search(fuseQuery, { limit: FUSE_MAX_CANDIDATES })) {
        offer(result.item.index, FUSE_SCALE * (1 - (result.score ?? 1)), 'fuzzy');
      }
    }

    return [...hits.entries()]
      .filter(([, hit]) => hit.score > 0)
      .sort(([a, x], [b, y]) => y.score - x.score || a - b)
      .slice(0, limit)
      .map(([index, hit]) => ({
        pattern: patterns[index] as Pattern,
        score: hit.score,
        matchedBy: hit.matchedBy,
        ...(mentioned.has(index) ? { mentioned: mentioned.get(index) } : {}),
      }));
  }

  return { patterns, search };
}

/** Ranks a few short strings (category names) against a query, tolerating typos; best first. */
export function rankStrings(
  query: string,
  strings: readonly string[],
  threshold = 0.4,
): { index: number; score: number }[] {
  const fuse = new Fuse(
    strings.map((text, index) => ({ index, text: contentWords(text).join(' ') })),
    fuseTextOptions(threshold),
  );
  return fuse
    .search(contentWords(query).join(' ').slice(0, 32))
    .map((result) => ({ index: result.item.index, score: 1 - (result.score ?? 1) }));
}
