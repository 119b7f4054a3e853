import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import type { ContentProblem } from './core/catalog/content-problem.js';
import type { ContentText } from './core/catalog/parse-content.js';

/** A content file larger than this is refused unread. */
export const MAX_CONTENT_FILE_BYTES = 256 * 1024;

type Read = { text: ContentText } | { problem: ContentProblem };

/**
 * Reads one file only if it is a regular file within the size limit. The check is `statSync` before
 * any open, so a FIFO, a device such as /dev/zero or a directory is refused without blocking.
 */
/** Why a file's stats refuse it, or undefined when it is a regular file within `maxBytes`. */
function refusal(stats: { isFile(): boolean; size: number }, maxBytes: number): string | undefined {
  if (!stats.isFile()) return 'not a regular file; refused';
  if (stats.size > maxBytes) return `is ${stats.size} bytes; content files are at most ${maxBytes}`;
  return undefined;
}

const cannotRead = (error: unknown) => `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;

export function readContentFile(file: string, maxBytes = MAX_CONTENT_FILE_BYTES): Read {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch (error) {
    return { problem: { file, message: cannotRead(error) } };
  }
  const before = refusal(stats, maxBytes);
  if (before) return { problem: { file, message: before } };
  // The file could be swapped between the check and the read: open without blocking (a FIFO put in its
  // place cannot hang the open) and check the opened descriptor again before reading it.
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const after = refusal(fstatSync(fd), maxBytes);
    if (after) return { problem: { file, message: after } };
    return { text: { file, text: readFileSync(fd, 'utf8') } };
  } catch (error) {
    return { problem: { file, message: cannotRead(error) } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
