import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, type ContentProblem, type ContentText, parseContent } from './core/catalog/index.js';

/** A content file larger than this is refused unread. */
export const MAX_CONTENT_FILE_BYTES = 256 * 1024;
/** A patterns folder with more YAML files than this is refused. */
export const MAX_PATTERN_FILES = 20_000;

type Read = { text: ContentText } | { problem: ContentProblem };

/**
 * Reads one file only if it is a regular file within the size limit. The check is `statSync` before
 * any open, so a FIFO, a device such as /dev/zero or a directory is refused without blocking.
 */
export function readContentFile(file: string, maxBytes = MAX_CONTENT_FILE_BYTES): Read {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch (error) {
    return { problem: { file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}` } };
  }
  if (!stats.isFile()) return { problem: { file, message: 'not a regular file; refused' } };
  if (stats.size > maxBytes) {
    return {
      problem: {
        file,
        message: `is ${stats.size} bytes; content files are at most ${maxBytes}`,
      },
    };
  }
  // The file could be swapped between the check and the read: open without blocking (a FIFO put in its
  // place cannot hang the open) and check the opened descriptor again before reading it.
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { problem: { file, message: 'not a regular file; refused' } };
    if (opened.size > maxBytes) {
      return {
        problem: {
          file,
          message: `is ${opened.size} bytes; content files are at most ${maxBytes}`,
        },
      };
    }
    return { text: { file, text: readFileSync(fd, 'utf8') } };
  } catch (error) {
    return { problem: { file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

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
