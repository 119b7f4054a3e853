import { assembleCatalog, contentDirOf, type LoadedCatalog } from './assemble-catalog.js';
import { loadCatalogFile } from './catalog-file.js';
import { loadContentDir } from './content-files.js';
import type { Bot } from './core/bot.js';
import { botOver } from './load-bot.js';

/** The catalog and its content, loaded in this thread: for the CLI, scripts, benchmarks and tests. */
export function loadCatalog(file: string): LoadedCatalog {
  const dir = contentDirOf(file);
  return assembleCatalog(file, loadCatalogFile(file), dir, dir ? loadContentDir(dir) : undefined);
}

/** The bot over a catalog file, loaded in this thread. */
export function loadBot(file: string): Bot {
  return botOver(loadCatalog(file));
}
