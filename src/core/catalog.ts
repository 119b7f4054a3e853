import type { Pattern } from './pattern.js';

export const REQUIRED_COLUMNS = ['code', 'slug', 'name', 'description', 'category'] as const;
export const OPTIONAL_COLUMNS = ['aliases', 'related'] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One thing wrong with a catalog file, located by file and 1-based line. */
export interface CatalogProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ParsedCatalog {
  readonly patterns: Pattern[];
  readonly problems: CatalogProblem[];
}

interface Row {
  readonly record: string[];
  readonly line: number;
}

export function formatProblem(problem: CatalogProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Parses and validates a tab-separated catalog. Every problem is collected with its line number;
 * rows with problems are left out of `patterns`, the rest load.
 */
export function parseCatalog(text: string, file: string): ParsedCatalog {
  const problems: CatalogProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });

  // Tab-separated values with no quoting: a record is a line, its fields are split on tabs. Written
  // here rather than through csv-parse, which builds an error object for every record whose field
  // count differs (about 50 µs each: a 1.6 MB file of bad lines took 20 s); this takes milliseconds.
  const records: Row[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((content, index) => {
    if (content.trim() !== '') records.push({ record: content.split('\t'), line: index + 1 });
  });

  const first = records[0];
  if (!first) {
    report(1, `empty file: expected a header line "${REQUIRED_COLUMNS.join('\\t')}"`);
    return { patterns: [], problems };
  }
  const header = first.record.map((column) => column.trim().toLowerCase());
  const headerLine = first.line;
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) report(headerLine, `missing header column "${column}"`);
  }
  header.forEach((column, index) => {
    if (!KNOWN_COLUMNS.includes(column)) {
      report(
        headerLine,
        `unknown header column "${column}" (column ${index + 1}); known: ${KNOWN_COLUMNS.join(', ')}`,
      );
    } else if (header.indexOf(column) !== index) {
      report(headerLine, `duplicate header column "${column}"`);
    }
  });
  if (problems.length > 0) return { patterns: [], problems };

  const candidates: { pattern: Pattern; line: number }[] = [];
  const seenCodes = new Map<string, number>();
  const seenSlugs = new Map<string, number>();
  for (const { record, line } of records.slice(1)) {
    if (record.length !== header.length) {
      report(line, `expected ${header.length} tab-separated fields, found ${record.length}`);
      continue;
    }
    const field = (name: string) => (record[header.indexOf(name)] ?? '').trim();
    const empty = REQUIRED_COLUMNS.filter((name) => field(name) === '');
    if (empty.length > 0) {
      report(line, `empty required field${empty.length > 1 ? 's' : ''}: ${empty.join(', ')}`);
      continue;
    }
    const pattern: Pattern = {
      code: field('code'),
      slug: field('slug'),
      name: field('name'),
      description: field('description'),
      category: field('category'),
      aliases: splitList(field('aliases')),
      related: splitList(field('related')),
    };
    let ok = true;
    if (!KEBAB_CASE.test(pattern.slug)) {
      report(line, `slug "${pattern.slug}" is not kebab-case (lowercase letters, digits and single hyphens)`);
      ok = false;
    }
    const codeSeen = seenCodes.get(pattern.code);
    if (codeSeen !== undefined) {
      report(line, `duplicate code "${pattern.code}" (first on line ${codeSeen})`);
      ok = false;
    }
    const slugSeen = seenSlugs.get(pattern.slug);
    if (slugSeen !== undefined) {
      report(line, `duplicate slug "${pattern.slug}" (first on line ${slugSeen})`);
      ok = false;
    }
    if (codeSeen === undefined) seenCodes.set(pattern.code, line);
    if (slugSeen === undefined) seenSlugs.set(pattern.slug, line);
    if (ok) candidates.push({ pattern, line });
  }

  for (const { pattern, line } of candidates) {
    for (const slug of pattern.related) {
      if (!seenSlugs.has(slug)) report(line, `related slug "${slug}" is not in the catalog`);
      else if (slug === pattern.slug) report(line, `pattern "${slug}" lists itself as related`);
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { patterns: candidates.map((candidate) => candidate.pattern), problems };
}
