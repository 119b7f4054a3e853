import type { GlossaryEntry } from './catalog/glossary-entry.js';
import { contentWords, stem } from './normalize.js';
import type { Pattern } from './pattern.js';

/** A phrase as the stems of its content words. */
const stemsOf = (text: string): string[] => contentWords(text).map(stem);

/** The last text read and its stems: a lookup asks the index of the same text several times. */
let lastText: string | undefined;
let lastStems: string[] = [];
function stems(text: string): string[] {
  if (text !== lastText) {
    lastStems = stemsOf(text);
    lastText = text;
  }
  return lastStems;
}

/** Whether `phrase` stands, word for word, somewhere in `words`. */
function contains(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length || !words.includes(phrase[0] as string))
    return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

export interface TermIndex {
  /**
   * The glossary term a question is about, when it names one and names no pattern of the catalog:
   * "what is 2PC?", "why 2PC blocks", "token bucket rate limiting". A question that names a pattern
   * ("retry with a circuit breaker") is the pattern's.
   */
  termOf(query: string): GlossaryEntry | undefined;
  /**
   * A glossary term the query holds anywhere, when it names no pattern, with how many words it has:
   * weaker than `termOf`.
   */
  termIn(query: string): { readonly entry: GlossaryEntry; readonly words: number } | undefined;
  /** Whether the query holds a pattern's own name, slug or short name ("saga", "circuit breaker"). */
  namesPattern(query: string): boolean;
}

/**
 * Terms that are not patterns here, from the glossary, against the patterns' own names: a glossary
 * term beats an alias (the TSV lists "bulkhead" and "service mesh" as aliases, but neither is the
 * pattern it points to), a pattern's name beats a term.
 */
export function createTermIndex(glossary: readonly GlossaryEntry[], patterns: readonly Pattern[]): TermIndex {
  const terms = glossary.flatMap((entry) =>
    [entry.term, ...entry.aliases].map((text) => ({ entry, phrase: stemsOf(text) })),
  );
  // Longer phrases first, so "retry with backoff" wins over "retry".
  terms.sort((a, b) => b.phrase.length - a.phrase.length);
  /** The patterns' own names as stem phrases, by their first stem (a catalog may hold thousands). */
  const namesByFirst = new Map<string, string[][]>();
  for (const pattern of patterns) {
    for (const text of [pattern.name, pattern.slug, ...(pattern.doc ? [pattern.doc.short_name] : [])]) {
      const phrase = stemsOf(text);
      const first = phrase[0];
      if (first === undefined) continue;
      const list = namesByFirst.get(first);
      if (list) list.push(phrase);
      else namesByFirst.set(first, [phrase]);
    }
  }
  const names = {
    some: (test: (name: string[]) => boolean, words: readonly string[]) =>
      words.some((word) => (namesByFirst.get(word) ?? []).some(test)),
  };
  return {
    termOf(query) {
      const words = stems(query);
      if (words.length === 0 || names.some((name) => contains(words, name), words)) return undefined;
      // The term must be what the question is about: at least half its words ("why 2PC blocks"), not
      // one word of a problem told at length ("add mTLS and retries without changing app code").
      return terms.find((term) => contains(words, term.phrase) && term.phrase.length * 2 >= words.length)
        ?.entry;
    },
    namesPattern(query) {
      const words = stems(query);
      return names.some((name) => contains(words, name), words);
    },
    termIn(query) {
      const words = stems(query);
      if (words.length === 0 || names.some((name) => contains(words, name), words)) return undefined;
      const found = terms.find((term) => contains(words, term.phrase));
      return found && { entry: found.entry, words: found.phrase.length };
    },
  };
}
