import type { z } from 'zod';
import type { ContentProblem, FieldPath } from './content-problem.js';
import { pathToString } from './content-problem.js';
import { type GlossaryEntry, glossarySchema } from './glossary-entry.js';
import { type PairNote, pairNotesSchema } from './pair-note.js';
import { type PatternDoc, patternDocSchema } from './pattern-doc.js';
import { type LineLocator, parseYamlSource } from './yaml-source.js';

/** A parsed value with the file it came from and a way back to the lines of that file. */
export interface Sourced<T> {
  readonly file: string;
  readonly value: T;
  readonly locate: LineLocator;
}

export interface ParsedFile<T> {
  /** Undefined when the file has a problem that stops it loading. */
  readonly parsed?: Sourced<T>;
  readonly problems: ContentProblem[];
}

/** Builds a problem placed on the line of `path` where the file has it. */
export function problemAt(
  source: { file: string; locate?: LineLocator },
  path: FieldPath,
  message: string,
): ContentProblem {
  const line = source.locate?.(path);
  const dotted = pathToString(path);
  return {
    file: source.file,
    ...(line !== undefined ? { line } : {}),
    ...(dotted ? { path: dotted } : {}),
    message,
  };
}

function issueToProblems(issue: z.core.$ZodIssue, file: string, locate: LineLocator): ContentProblem[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => problemAt({ file, locate }, [...path, key], 'unknown field'));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [problemAt({ file, locate }, path, 'required field is missing')];
  }
  return [problemAt({ file, locate }, path, issue.message)];
}

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string): ParsedFile<T> {
  const source = parseYamlSource(text, file);
  if (source.value === undefined) {
    const problems =
      source.problems.length > 0 ? source.problems : [{ file, line: 1, message: 'the file is empty' }];
    return { problems };
  }
  const result = schema.safeParse(source.value);
  if (!result.success) {
    return { problems: result.error.issues.flatMap((issue) => issueToProblems(issue, file, source.locate)) };
  }
  return { parsed: { file, value: result.data, locate: source.locate }, problems: source.problems };
}

/** The file name without folders and without `.yaml`/`.yml`. */
export function baseSlug(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/, '');
}

/** Parses one pattern file; its `slug` must equal its file name. */
export function parsePatternFile(text: string, file: string): ParsedFile<PatternDoc> {
  const result = parseWith(patternDocSchema, text, file);
  const parsed = result.parsed;
  if (parsed && parsed.value.slug !== baseSlug(file)) {
    return {
      problems: [
        ...result.problems,
        problemAt(
          parsed,
          ['slug'],
          `slug "${parsed.value.slug}" must equal the file name "${baseSlug(file)}"`,
        ),
      ],
    };
  }
  return result;
}

export function parseGlossaryFile(text: string, file: string): ParsedFile<GlossaryEntry[]> {
  return parseWith(glossarySchema, text, file);
}

export function parseComparisonsFile(text: string, file: string): ParsedFile<PairNote[]> {
  return parseWith(pairNotesSchema, text, file);
}
