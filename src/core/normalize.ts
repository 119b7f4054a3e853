import { stemmer } from 'stemmer';

/** Words that carry no meaning in a question about a pattern ("what's a sidecar?" → "sidecar"). */
const FILLER_WORDS = new Set(
  `a an the and or of for to in on at by from into with about as is are was were be been being it its this that these those
   what whats which who whom whose why how when where there here do does did doing done can could should would will shall may might must
   i me my we us our you your they them their he she his her
   explain explained explaining explanation tell show describe description define definition mean means meaning meant
   please pls plz thanks thank hey hi hello yo bot
   pattern patterns architecture architectures architectural style approach concept idea thing things stuff
   use used using uses usage work works working get got give need needs want like just really actually so some any all
   info information learn understand know about more details detail example examples called call say
   handle handling several instead every each way ways best good better put go make keep have has had let lets try
   kind sort type types many much lot lots multiple other others own`
    .split(/\s+/)
    .filter(Boolean),
);

/** The texts folded lately: one question is folded by several readers (intent, search, terms, goals). */
const folded = new Map<string, string>();
const MAX_FOLDED = 64;

/** Lowercases, folds accents and typographic quotes, and expands the contractions people type. */
export function foldText(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    result = fold(text);
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(text, result);
  }
  return result;
}

function fold(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      // Words run together in code style are two words: "CircuitBreaker", "APIGateway".
      .replace(/(\p{Ll}\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/\b(what|that|who|how|where|it|there)'s\b/g, '$1 is')
      .replace(/n't\b/g, ' not')
      .replace(/'(re|ve|ll|d|m)\b/g, ' ')
      .replace(/'s\b/g, '')
      .replace(MENTION_TOKEN, ' ')
  );
}

/**
 * `@name` and `#channel` tokens: what the adapters turn platform mentions into. They never name a
 * pattern, so the core reads past them (`#6` stays: a code).
 */
const MENTION_TOKEN = /(?<![\p{L}\p{N}])(?:@[\p{L}\p{N}._-]+|#\p{L}[\p{L}\p{N}._-]*)/gu;

/** Splits folded text into word tokens: letters and digits, `#` kept for codes such as `#6`. */
export function splitWords(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}#]+/u).filter((word) => word.length > 0);
}

export function isFillerWord(word: string): boolean {
  return FILLER_WORDS.has(word);
}

const stems = new Map<string, string>();
/** Bounds the memo of stems: catalog words stay, and a flood of new query words cannot grow it forever. */
const MAX_MEMO = 50_000;

/** The Porter stem of a word (numbers as they are), memoized. */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(word) ? word : stemmer(word);
    if (stems.size < MAX_MEMO) stems.set(word, stemmed);
  }
  return stemmed;
}

/** The content words of a text, without filler words, neither stemmed nor deduplicated. */
export function contentWords(text: string): string[] {
  return splitWords(foldText(text)).filter((word) => !isFillerWord(word));
}

/** The key under which an exact name, slug or alias is stored: content words joined by single spaces. */
export function exactKey(text: string): string {
  return wordsKey(contentWords(text));
}

/** The exact key of words already split and filtered. */
export function wordsKey(words: readonly string[]): string {
  return words.map(stem).join(' ');
}

/** The same key with no spaces, so "eventsourcing" and "event sourcing" meet. */
export function compactKey(key: string): string {
  return key.replace(/ /g, '');
}
