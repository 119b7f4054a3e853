import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CatalogError, loadCatalogFile } from './catalog-file.js';
import { loadContentDir } from './content-files.js';
import { type Bot, createBot } from './core/bot.js';
import { type Content, capProblems, type GlossaryEntry, type PairNote } from './core/catalog/index.js';
import type { Pattern } from './core/pattern.js';
import { englishWords } from './english-words.js';

/**
 * The catalog as every entry point loads it: the TSV index, and the authored content beside it
 * (`<dir>/patterns/*.yaml`, the glossary, the pair notes) when the folder has any. A team's own
 * five-column file with no content folder loads as before, and its cards show what its rows hold.
 * Every problem of either, with its file and line, ends the load (CatalogError).
 */
export interface LoadedCatalog {
  readonly patterns: Pattern[];
  readonly glossary: GlossaryEntry[];
  readonly comparisons: PairNote[];
}

/** The folder of authored content beside a catalog file, when it has one. */
function contentDirOf(file: string): string | undefined {
  const dir = dirname(file);
  return existsSync(join(dir, 'patterns')) ? dir : undefined;
}

/** The rows and their content together; every problem of either ends the load. */
function assemble(
  file: string,
  rows: Pattern[],
  dir: string | undefined,
  content: Content | undefined,
): LoadedCatalog {
  if (!dir || !content) return { patterns: rows, glossary: [], comparisons: [] };
  const problems = capProblems(content.problems).map((problem) => ({
    file: problem.file,
    line: problem.line ?? 0,
    message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
  }));
  const docs = new Map(content.docs.map((doc) => [doc.slug, doc]));
  for (const doc of content.docs) {
    if (!rows.some((row) => row.slug === doc.slug)) {
      problems.push({
        file: join(dir, 'patterns', `${doc.slug}.yaml`),
        line: 1,
        message: `slug "${doc.slug}" is not in ${file}`,
      });
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return {
    patterns: rows.map((row) => {
      const doc = docs.get(row.slug);
      return doc ? { ...row, doc } : row;
    }),
    glossary: content.glossary,
    comparisons: content.comparisons,
  };
}

/**
 * The catalog as the tests and scripts load it: the TSV index, and the authored content beside it
 * (`<dir>/patterns/*.yaml`, the glossary, the pair notes) when the folder has any. A team's own
 * five-column file with no content folder loads as before, and its cards show what its rows hold.
 */
export function loadCatalog(file: string): LoadedCatalog {
  const dir = contentDirOf(file);
  return assemble(file, loadCatalogFile(file), dir, dir ? loadContentDir(dir) : undefined);
}

/** The content of a folder, parsed and validated on a worker thread (see content-worker.ts). */
function loadContentOffThread(dir: string): Promise<Content> {
  const own = import.meta.url;
  const script = new URL(own.endsWith('.ts') ? './content-worker.ts' : './content-worker.js', own);
  return new Promise((resolve, reject) => {
    // Run from the sources (tsx), the worker registers the same loader before it reads TypeScript.
    const worker = own.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, workerData: dir },
        )
      : new Worker(script, { workerData: dir });
    worker.once('message', (content: Content) => {
      resolve(content);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the content worker exited with ${code}`)));
  });
}

/** `loadCatalog` as the bot starts: the same checks, with the YAML parsed off the main thread and heap. */
export async function loadCatalogOffThread(file: string): Promise<LoadedCatalog> {
  const dir = contentDirOf(file);
  const content = dir ? loadContentOffThread(dir) : Promise.resolve(undefined);
  const rows = loadCatalogFile(file);
  return assemble(file, rows, dir, await content);
}

/** The bot over a catalog, as every entry point builds it: with its content and the English word list. */
export function botOver(catalog: LoadedCatalog): Bot {
  const { patterns, glossary, comparisons } = catalog;
  return createBot(patterns, { glossary, comparisons, isWord: (word) => englishWords().has(word) });
}

/** The bot over a catalog file, loaded in this thread (scripts, benchmarks). */
export function loadBot(file: string): Bot {
  return botOver(loadCatalog(file));
}

/** The bot over a catalog file, its content parsed on a worker thread (the bot's start-up). */
export async function loadBotOffThread(file: string): Promise<Bot> {
  return botOver(await loadCatalogOffThread(file));
}
