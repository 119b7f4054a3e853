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
