import { type ContentProblem, capProblems } from './content-problem.js';
import type { GlossaryEntry } from './glossary-entry.js';
import type { PairNote } from './pair-note.js';
import {
  baseSlug,
  parseComparisonsFile,
  parseGlossaryFile,
  parsePatternFile,
  type Sourced,
} from './parse-content-file.js';
import type { PatternDoc } from './pattern-doc.js';
import { validateCatalog } from './validate-catalog.js';

/** The text of one content file and the name to report it by. */
export interface ContentText {
  readonly file: string;
  readonly text: string;
}

export interface ContentInput {
  readonly patterns: readonly ContentText[];
  readonly glossary?: ContentText;
  readonly comparisons?: ContentText;
}

export interface Content {
  /** Pattern documents in code order; files with problems that stop them loading are left out. */
  readonly docs: PatternDoc[];
  readonly glossary: GlossaryEntry[];
  readonly comparisons: PairNote[];
  /** At most a hundred per file, then one line counting the rest. Empty means the content is sound. */
  readonly problems: ContentProblem[];
}

/** Parses and validates the whole content set from strings. Pure: the caller reads the files. */
export function parseContent(input: ContentInput): Content {
  const problems: ContentProblem[] = [];
  const docs: Sourced<PatternDoc>[] = [];
  const unloadedSlugs: string[] = [];
  for (const { file, text } of input.patterns) {
    const result = parsePatternFile(text, file);
    problems.push(...result.problems);
    if (result.parsed && result.problems.length === 0) docs.push(result.parsed);
    else unloadedSlugs.push(baseSlug(file));
  }
  docs.sort((a, b) => a.value.code.localeCompare(b.value.code));
  const glossary = input.glossary ? parseGlossaryFile(input.glossary.text, input.glossary.file) : undefined;
  const comparisons = input.comparisons
    ? parseComparisonsFile(input.comparisons.text, input.comparisons.file)
    : undefined;
  problems.push(...(glossary?.problems ?? []), ...(comparisons?.problems ?? []));
  problems.push(...validateCatalog(docs, glossary?.parsed, comparisons?.parsed, { unloadedSlugs }));
  return {
    docs: docs.map((doc) => doc.value),
    glossary: glossary?.parsed?.value ?? [],
    comparisons: comparisons?.parsed?.value ?? [],
    problems: capProblems(problems),
  };
}
