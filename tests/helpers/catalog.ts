import { fileURLToPath } from 'node:url';
import { type Bot, createBot } from '../../src/core/bot.js';
import type { Pattern } from '../../src/core/pattern.js';
import { englishWords } from '../../src/english-words.js';
import { loadCatalog } from '../../src/load-catalog.js';

export const CATALOG_FILE = fileURLToPath(new URL('../../data/patterns.tsv', import.meta.url));

/** The real catalog with its authored content; throws if it has problems. */
export function realPatterns(): Pattern[] {
  return loadCatalog(CATALOG_FILE).patterns;
}

let shared: Bot | undefined;
/** A bot over the real catalog and content, with the English word list as in production, built once per test file. */
export function realBot(): Bot {
  if (!shared) {
    const { patterns, glossary, comparisons } = loadCatalog(CATALOG_FILE);
    shared = createBot(patterns, { glossary, comparisons, isWord: (word) => englishWords().has(word) });
  }
  return shared;
}

let rowsOnly: Bot | undefined;
/**
 * A bot over the catalog's rows alone, without the authored content: what a team's five-column file
 * gives. The exact-JSON render tests use it, so they guard the renderers, not the content.
 */
export function rowsOnlyBot(): Bot {
  rowsOnly ??= createBot(
    realPatterns().map(({ doc: _doc, ...row }) => row),
    { isWord: (word) => englishWords().has(word) },
  );
  return rowsOnly;
}
