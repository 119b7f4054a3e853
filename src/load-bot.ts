import { assembleCatalog, contentDirOf, type LoadedCatalog } from './assemble-catalog.js';
import { loadCatalogFile } from './catalog-file.js';
import { type Bot, createBot } from './core/bot.js';
import type { Content } from './core/catalog/parse-content.js';
import { englishWords } from './english-words.js';
import { runWorker } from './run-worker.js';

/** The bot over a catalog, as every entry point builds it: with its content and the English word list. */
export function botOver(catalog: LoadedCatalog): Bot {
  const { patterns, glossary, comparisons } = catalog;
  return createBot(patterns, { glossary, comparisons, isWord: (word) => englishWords().has(word) });
}

/**
 * The content of a folder, parsed and validated on a worker thread (content-worker.ts): the YAML
 * parser's garbage (about 20 MB of heap for the twelve files) goes with the worker, and this thread
 * never loads the parser or the content schema at all.
 */
function loadContentOffThread(dir: string): Promise<Content> {
  return runWorker<Content>('content-worker', dir);
}

/** The catalog as the bot starts: the same checks as `loadCatalog`, with the YAML parsed off this thread. */
export async function loadCatalogOffThread(file: string): Promise<LoadedCatalog> {
  const dir = contentDirOf(file);
  const content = dir ? loadContentOffThread(dir) : Promise.resolve(undefined);
  const rows = loadCatalogFile(file);
  return assembleCatalog(file, rows, dir, await content);
}

/** The bot over a catalog file, its content parsed on a worker thread (the bot's start-up). */
export async function loadBotOffThread(file: string): Promise<Bot> {
  return botOver(await loadCatalogOffThread(file));
}
