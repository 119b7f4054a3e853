import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { createWordSet, type WordSet } from './core/word-set.js';

let words: WordSet | undefined;

/**
 * The English words of the `word-list` package (about 275,000), read and hashed on first use: the
 * search never "corrects" a word that is itself English ("test" is not a typo of "rest").
 */
export function englishWords(): WordSet {
  words ??= createWordSet(readFileSync(wordListPath));
  return words;
}
