import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CatalogError, loadCatalogFile } from './catalog-file.js';
import { loadContentDir } from './content-files.js';
import { type Bot, createBot } from './core/bot.js';
import { capProblems, type GlossaryEntry, type PairNote } from './core/catalog/index.js';
import type { Pattern } from './core/pattern.js';
import { englishWords } from './english-words.js';

/**
 * The catalog as every entry point loads it: the TSV index, and the authored content beside it
 * (`<dir>/patterns/*.yaml`, the glossary, the pair notes) when the folder has any. A team's own
 * five-column file with no content folder loads as before, and its cards show what its rows hold.
 * Every problem of either, with its file and line, ends the load (CatalogError).
 */
export function loadCatalog(file: string): {
  patterns: Pattern[];
  glossary: GlossaryEntry[];
  comparisons: PairNote[];
} {
  const rows = loadCatalogFile(file);
  const dir = dirname(file);
  if (!existsSync(join(dir, 'patterns'))) return { patterns: rows, glossary: [], comparisons: [] };
  const content = loadContentDir(dir);
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

/** The bot over a catalog file, as every entry point builds it: with its content and the English word list. */
export function loadBot(file: string): Bot {
  const { patterns, glossary, comparisons } = loadCatalog(file);
  return createBot(patterns, { glossary, comparisons, isWord: (word) => englishWords().has(word) });
}
