import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFile } from '../src/catalog-file.js';

/** Real questions engineers wrote in public, kept verbatim, each labelled with what a good answer is. */
export const REAL_QUESTIONS_FILE = fileURLToPath(new URL('./real-questions.tsv', import.meta.url));
/** Everyday work-chat lines that must never get a pattern card. */
export const CHAT_LINES_FILE = fileURLToPath(new URL('./chat-lines.tsv', import.meta.url));
/** A third set of real questions, gathered apart from the first and never tuned on. */
export const HOLDOUT_QUESTIONS_FILE = fileURLToPath(new URL('./holdout-questions.tsv', import.meta.url));
/** A third set of chat lines, gathered apart from the first and never tuned on. */
export const HOLDOUT_CHAT_FILE = fileURLToPath(new URL('./holdout-chat.tsv', import.meta.url));
export const CATALOG_FILE = fileURLToPath(new URL('../data/patterns.tsv', import.meta.url));

export const REAL_QUESTIONS_HEADER = ['id', 'text', 'expect', 'split', 'source'] as const;
export const CHAT_LINES_HEADER = ['id', 'text', 'split', 'source'] as const;
export const MAX_TEXT_LENGTH = 200;
/** The source of a chat line that is a stock phrase rather than one seen on a page. */
export const COMMON_SOURCE = 'common';

/** `tune` and `measure` halve the first sets; every row of a held-out set is `holdout`. */
export type Split = 'tune' | 'measure' | 'holdout';

/** How the rows of one set are named and which split each row is in. */
export interface SetRules {
  readonly idPattern: RegExp;
  /** The splits a row of this set may name. */
  readonly splits: readonly Split[];
  /** The split of a row, from its id alone. */
  readonly splitOf: (id: string) => Split;
  /** Why a row's split is what it is, for the message when it is not. */
  readonly splitReason: string;
}

/** What a good answer to a real question is. */
export type Expectation =
  /** One pattern card for this slug. */
  | { readonly kind: 'pattern'; readonly slug: string }
  /** A comparison of two catalog patterns; slugs sorted. */
  | { readonly kind: 'compare'; readonly slugs: readonly [string, string] }
  /** A comparison of a catalog pattern with something outside the catalog. */
  | { readonly kind: 'compare-out'; readonly slug: string; readonly outside: string }
  /** Outside the catalog: no pattern card. */
  | { readonly kind: 'none' };

export interface RealQuestion {
  readonly id: string;
  readonly text: string;
  readonly expect: Expectation;
  /** The `expect` column as written. */
  readonly expectText: string;
  readonly split: Split;
  /** The page where the question was seen. */
  readonly source: string;
}

export interface ChatLine {
  readonly id: string;
  readonly text: string;
  readonly split: Split;
  /** The page where the line was seen, or `common` for a stock phrase. */
  readonly source: string;
}

export interface EvalSetProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export class EvalSetError extends Error {
  constructor(readonly problems: readonly EvalSetProblem[]) {
    super(
      `the evaluation set has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `${p.file}:${p.line}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'EvalSetError';
  }
}

/**
 * The split of a row, from its id alone: the first byte of SHA-256(id), even → tune, odd → measure.
 * Nobody picks a row's split by hand; the file repeats it only so it can be read without code.
 */
export function splitFor(id: string): Split {
  const first = createHash('sha256').update(id, 'utf8').digest()[0] ?? 0;
  return first % 2 === 0 ? 'tune' : 'measure';
}

const HASH_SPLITS: readonly Split[] = ['tune', 'measure'];
const hashRules = (idPattern: RegExp): SetRules => ({
  idPattern,
  splits: HASH_SPLITS,
  splitOf: splitFor,
  splitReason: "it comes from the id's hash",
});
const holdoutRules = (idPattern: RegExp): SetRules => ({
  idPattern,
  splits: ['holdout'],
  splitOf: () => 'holdout',
  splitReason: 'every row of a held-out set is held out',
});
export const REAL_QUESTION_RULES = hashRules(/^rq-\d{3,}$/);
export const CHAT_LINE_RULES = hashRules(/^cl-\d{3,}$/);
export const HOLDOUT_QUESTION_RULES = holdoutRules(/^ho-\d{3,}$/);
export const HOLDOUT_CHAT_RULES = holdoutRules(/^hc-\d{3,}$/);

/** Case and spacing do not make two texts different. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const URL_PATTERN = /^https?:\/\/\S+$/;

/** Parses an `expect` cell; returns a message when it is not valid for these slugs. */
export function parseExpectation(cell: string, slugs: ReadonlySet<string>): Expectation | string {
  if (cell === 'none') return { kind: 'none' };
  if (cell.startsWith('compare:')) {
    const parts = cell.slice('compare:'.length).split('+');
    const [a, b] = parts;
    if (parts.length !== 2 || !a || !b) return `"${cell}" must be compare:slugA+slugB`;
    for (const slug of [a, b]) if (!slugs.has(slug)) return `unknown slug "${slug}" in "${cell}"`;
    if (a === b) return `"${cell}" compares a pattern with itself`;
    if (a > b) return `"${cell}" must list its slugs sorted: compare:${b}+${a}`;
    return { kind: 'compare', slugs: [a, b] };
  }
  if (cell.startsWith('compare-out:')) {
    const rest = cell.slice('compare-out:'.length);
    const plus = rest.indexOf('+');
    const slug = plus < 0 ? rest : rest.slice(0, plus);
    const outside = plus < 0 ? '' : rest.slice(plus + 1).trim();
    if (!slugs.has(slug)) return `unknown slug "${slug}" in "${cell}"`;
    if (outside === '') return `"${cell}" must be compare-out:slug+outside term`;
    if (slugs.has(outside)) return `"${cell}" names two catalog patterns: use compare:`;
    return { kind: 'compare-out', slug, outside };
  }
  if (!slugs.has(cell)) return `unknown slug "${cell}"`;
  return { kind: 'pattern', slug: cell };
}

interface Cells {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Splits a TSV into data rows, checking the header and column count; collects problems. */
function rowsOf(text: string, file: string, header: readonly string[], problems: EvalSetProblem[]): Cells[] {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== header.join('\t')) {
    problems.push({ file, line: 1, message: `header must be "${header.join('\\t')}"` });
    return [];
  }
  const rows: Cells[] = [];
  lines.forEach((raw, index) => {
    if (index === 0 || raw.trim() === '') return;
    const cells = raw.split('\t');
    if (cells.length !== header.length) {
      problems.push({
        file,
        line: index + 1,
        message: `expected ${header.length} columns, got ${cells.length}`,
      });
      return;
    }
    rows.push({ line: index + 1, cells });
  });
  return rows;
}

/** The checks every row of both sets shares: id, text, split, duplicates. */
function checkCommon(
  row: { id: string; text: string; split: string },
  at: { file: string; line: number },
  seen: { ids: Map<string, number>; texts: Map<string, number> },
  problems: EvalSetProblem[],
  rules: SetRules,
): row is { id: string; text: string; split: Split } {
  const before = problems.length;
  const problem = (message: string) => problems.push({ file: at.file, line: at.line, message });
  if (!rules.idPattern.test(row.id)) problem(`id "${row.id}" must match ${rules.idPattern}`);
  const firstId = seen.ids.get(row.id);
  if (firstId !== undefined) problem(`duplicate id "${row.id}" (first on line ${firstId})`);
  else seen.ids.set(row.id, at.line);
  if (row.text.trim() === '') problem('empty text');
  if (row.text !== row.text.trim()) problem('text has leading or trailing spaces');
  if ([...row.text].length > MAX_TEXT_LENGTH) problem(`text is longer than ${MAX_TEXT_LENGTH} characters`);
  const key = normalizeText(row.text);
  const firstText = seen.texts.get(key);
  if (firstText !== undefined) problem(`duplicate text (first on line ${firstText})`);
  else seen.texts.set(key, at.line);
  if (!(rules.splits as readonly string[]).includes(row.split))
    problem(`split "${row.split}" must be ${rules.splits.join(' or ')}`);
  else if (row.split !== rules.splitOf(row.id))
    problem(`split of "${row.id}" must be ${rules.splitOf(row.id)} (${rules.splitReason})`);
  return problems.length === before;
}

export function parseRealQuestions(
  text: string,
  file: string,
  slugs: ReadonlySet<string>,
  rules: SetRules = REAL_QUESTION_RULES,
): { rows: RealQuestion[]; problems: EvalSetProblem[] } {
  const problems: EvalSetProblem[] = [];
  const seen = { ids: new Map<string, number>(), texts: new Map<string, number>() };
  const rows: RealQuestion[] = [];
  for (const { line, cells } of rowsOf(text, file, REAL_QUESTIONS_HEADER, problems)) {
    const [id = '', questionText = '', expectText = '', split = '', source = ''] = cells;
    const row = { id, text: questionText, split };
    let ok = checkCommon(row, { file, line }, seen, problems, rules);
    const expect = parseExpectation(expectText, slugs);
    if (typeof expect === 'string') {
      problems.push({ file, line, message: expect });
      ok = false;
    }
    if (!URL_PATTERN.test(source)) {
      problems.push({ file, line, message: `source "${source}" must be the URL of the page it was seen on` });
      ok = false;
    }
    if (ok && typeof expect !== 'string')
      rows.push({ id, text: questionText, expect, expectText, split: split as Split, source });
  }
  return { rows, problems };
}

export function parseChatLines(
  text: string,
  file: string,
  rules: SetRules = CHAT_LINE_RULES,
): { rows: ChatLine[]; problems: EvalSetProblem[] } {
  const problems: EvalSetProblem[] = [];
  const seen = { ids: new Map<string, number>(), texts: new Map<string, number>() };
  const rows: ChatLine[] = [];
  for (const { line, cells } of rowsOf(text, file, CHAT_LINES_HEADER, problems)) {
    const [id = '', lineText = '', split = '', source = ''] = cells;
    let ok = checkCommon({ id, text: lineText, split }, { file, line }, seen, problems, rules);
    if (source !== COMMON_SOURCE && !URL_PATTERN.test(source)) {
      problems.push({ file, line, message: `source "${source}" must be a URL or "${COMMON_SOURCE}"` });
      ok = false;
    }
    if (ok) rows.push({ id, text: lineText, split: split as Split, source });
  }
  return { rows, problems };
}

function catalogSlugs(catalogFile: string): Set<string> {
  return new Set(loadCatalogFile(catalogFile).map((p) => p.slug));
}

/** Each row's text (second column, up to case and spacing) and the line it is on; header and blanks skipped. */
function textLines(tsv: string): Map<string, number> {
  const lines = new Map<string, number>();
  tsv.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.split('\t')[1];
    if (index === 0 || text === undefined) return;
    const key = normalizeText(text);
    if (key !== '' && !lines.has(key)) lines.set(key, index + 1);
  });
  return lines;
}

/** The contents of another evaluation set, to check that no text is in two sets. */
export interface OtherSet {
  readonly file: string;
  readonly text: string;
}

/** One problem for each row of this set whose text, up to case and spacing, is also a row of another set. */
export function overlapProblems(text: string, file: string, others: readonly OtherSet[]): EvalSetProblem[] {
  const problems: EvalSetProblem[] = [];
  const own = textLines(text);
  for (const other of others) {
    const theirs = textLines(other.text);
    for (const [key, line] of own) {
      const at = theirs.get(key);
      if (at !== undefined)
        problems.push({ file, line, message: `text is also in ${basename(other.file)} (line ${at})` });
    }
  }
  return problems;
}

function checked<T>(result: { rows: T[]; problems: EvalSetProblem[] }, extra: EvalSetProblem[] = []): T[] {
  const problems = [...result.problems, ...extra];
  if (problems.length > 0) throw new EvalSetError(problems);
  return result.rows;
}

const readOthers = (files: readonly string[]): OtherSet[] =>
  files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** Reads and validates the real questions; throws EvalSetError listing every bad row. */
export function loadRealQuestions(file = REAL_QUESTIONS_FILE, catalogFile = CATALOG_FILE): RealQuestion[] {
  return checked(parseRealQuestions(readFileSync(file, 'utf8'), file, catalogSlugs(catalogFile)));
}

/** Reads and validates the chat lines; throws EvalSetError listing every bad row. */
export function loadChatLines(file = CHAT_LINES_FILE): ChatLine[] {
  return checked(parseChatLines(readFileSync(file, 'utf8'), file));
}

/**
 * Reads and validates the held-out questions, and checks that none of them is a row of another set
 * (the first two sets and the held-out chat lines); throws EvalSetError listing every bad row.
 */
export function loadHoldoutQuestions(
  file = HOLDOUT_QUESTIONS_FILE,
  catalogFile = CATALOG_FILE,
  otherFiles: readonly string[] = [REAL_QUESTIONS_FILE, CHAT_LINES_FILE, HOLDOUT_CHAT_FILE],
): RealQuestion[] {
  const text = readFileSync(file, 'utf8');
  return checked(
    parseRealQuestions(text, file, catalogSlugs(catalogFile), HOLDOUT_QUESTION_RULES),
    overlapProblems(text, file, readOthers(otherFiles)),
  );
}

/**
 * Reads and validates the held-out chat lines, and checks that none of them is a row of another set
 * (the first two sets and the held-out questions); throws EvalSetError listing every bad row.
 */
export function loadHoldoutChat(
  file = HOLDOUT_CHAT_FILE,
  otherFiles: readonly string[] = [REAL_QUESTIONS_FILE, CHAT_LINES_FILE, HOLDOUT_QUESTIONS_FILE],
): ChatLine[] {
  const text = readFileSync(file, 'utf8');
  return checked(
    parseChatLines(text, file, HOLDOUT_CHAT_RULES),
    overlapProblems(text, file, readOthers(otherFiles)),
  );
}
