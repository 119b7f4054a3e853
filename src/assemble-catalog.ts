import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CatalogError } from './catalog-file.js';
import { capProblems } from './core/catalog/content-problem.js';
import type { GlossaryEntry } from './core/catalog/glossary-entry.js';
import type { PairNote } from './core/catalog/pair-note.js';
import type { Content } from './core/catalog/parse-content.js';
import type { Pattern } from './core/pattern.js';

export interface LoadedCatalog {
  readonly patterns: Pattern[];
  readonly glossary: GlossaryEntry[];
  readonly comparisons: PairNote[];
}

/** The folder of authored content beside a catalog file (`<dir>/patterns/*.yaml`), when it has one. */
export function contentDirOf(file: string): string | undefined {
  const dir = dirname(file);
  return existsSync(join(dir, 'patterns')) ? dir : undefined;
}

/**
 * The TSV rows and their authored content together. A team's own five-column file with no content
 * folder loads as before, and its cards show what its rows hold. Every problem of either ends the load.
 */
export function assembleCatalog(
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
