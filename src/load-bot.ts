import { loadCatalogFile } from './catalog-file.js';
import { type Bot, createBot } from './core/bot.js';
import { englishWords } from './english-words.js';

/** The bot over a catalog file, as every entry point builds it: with the English word list. */
export function loadBot(file: string): Bot {
  return createBot(loadCatalogFile(file), { isWord: (word) => englishWords().has(word) });
}
