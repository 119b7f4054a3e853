import { readFileSync } from 'node:fs';
import { type CatalogProblem, formatProblem, parseCatalog } from './core/catalog.js';
import type { Pattern } from './core/pattern.js';

export class CatalogError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(
      `the catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}

/** Reads and validates a catalog file; throws CatalogError listing every problem, with file and line. */
export function loadCatalogFile(file: string): Pattern[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogError([
      {
        file,
        line: 0,
        message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    ]);
  }
  const { patterns, problems } = parseCatalog(text, file);
  if (problems.length > 0) throw new CatalogError(problems);
  if (patterns.length === 0)
    throw new CatalogError([{ file, line: 1, message: 'the catalog has no patterns' }]);
  return patterns;
}
