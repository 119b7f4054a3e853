import { type CatalogProblem, formatProblem, parseCatalog } from './core/catalog.js';
import type { Pattern } from './core/pattern.js';
import { readContentFile } from './read-bounded-file.js';

/** A catalog file larger than this is refused unread (10,000 patterns with aliases take about 3 MB). */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;
/** How many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;

export class CatalogError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(formatProblem);
    const more = problems.length - listed.length;
    super(
      `the catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${listed.join('\n')}${more > 0 ? `\n…and ${more} more` : ''}`,
    );
    this.name = 'CatalogError';
  }
}

/** Reads and validates a catalog file; throws CatalogError listing every problem, with file and line. */
export function loadCatalogFile(file: string): Pattern[] {
  // A directory, a FIFO, /dev/zero or a huge file is refused before it is read.
  const read = readContentFile(file, MAX_CATALOG_BYTES);
  if ('problem' in read) throw new CatalogError([{ file, line: 0, message: read.problem.message }]);
  const text = read.text.text;
  const { patterns, problems } = parseCatalog(text, file);
  if (problems.length > 0) throw new CatalogError(problems);
  if (patterns.length === 0)
    throw new CatalogError([{ file, line: 1, message: 'the catalog has no patterns' }]);
  return patterns;
}
