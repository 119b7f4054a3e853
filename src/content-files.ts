import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, type ContentProblem, type ContentText, parseContent } from './core/catalog/index.js';
import { MAX_CONTENT_FILE_BYTES, readContentFile } from './read-bounded-file.js';

export { MAX_CONTENT_FILE_BYTES, readContentFile };

/** A patterns folder with more YAML files than this is refused. */
export const MAX_PATTERN_FILES = 20_000;

/**
 * Loads `<dir>/patterns/*.yaml`, `<dir>/glossary.yaml` and, when present, `<dir>/comparisons.yaml`,
 * and validates them together. Never throws for content problems: they come back in `problems`.
 */
export function loadContentDir(dir: string): Content {
  const problems: ContentProblem[] = [];
  const patternsDir = join(dir, 'patterns');
  const patterns: ContentText[] = [];
  let names: string[] = [];
  try {
    if (!statSync(patternsDir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    names = readdirSync(patternsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch (error) {
    problems.push({
      file: patternsDir,
      message: `cannot list: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    });
  }
  if (names.length > MAX_PATTERN_FILES) {
    problems.push({
      file: patternsDir,
      message: `has ${names.length} YAML files; at most ${MAX_PATTERN_FILES}`,
    });
    names = [];
  }
  for (const name of names) {
    const read = readContentFile(join(patternsDir, name));
    if ('problem' in read) problems.push(read.problem);
    else patterns.push(read.text);
  }
  const optional = (file: string, required: boolean): ContentText | undefined => {
    try {
      statSync(file);
    } catch {
      if (required) problems.push({ file, message: 'missing' });
      return undefined;
    }
    const read = readContentFile(file);
    if ('problem' in read) {
      problems.push(read.problem);
      return undefined;
    }
    return read.text;
  };
  const glossary = optional(join(dir, 'glossary.yaml'), true);
  const comparisons = optional(join(dir, 'comparisons.yaml'), false);
  const content = parseContent({
    patterns,
    ...(glossary ? { glossary } : {}),
    ...(comparisons ? { comparisons } : {}),
  });
  return { ...content, problems: [...problems, ...content.problems] };
}
