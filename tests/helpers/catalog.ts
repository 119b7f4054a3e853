import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Bot, createBot } from '../../src/core/bot.js';
import { parseCatalog } from '../../src/core/catalog.js';
import type { Pattern } from '../../src/core/pattern.js';
import { englishWords } from '../../src/english-words.js';

export const CATALOG_FILE = fileURLToPath(new URL('../../data/patterns.tsv', import.meta.url));

/** The real catalog, parsed; throws if it has problems. */
export function realPatterns(): Pattern[] {
  const { patterns, problems } = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), CATALOG_FILE);
  if (problems.length > 0) throw new Error(`catalog problems: ${JSON.stringify(problems)}`);
  return patterns;
}

let shared: Bot | undefined;
/** A bot over the real catalog, with the English word list as in production, built once per test file. */
export function realBot(): Bot {
  shared ??= createBot(realPatterns(), { isWord: (word) => englishWords().has(word) });
  return shared;
}
