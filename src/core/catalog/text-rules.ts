import { z } from 'zod';

/** Sequences that Slack or Discord turn into a mention or a broadcast. Catalog text must never contain them. */
export const PING_SEQUENCES = ['<!', '<@', '@everyone', '@here'] as const;

/** The first ping sequence found in `text`, case-insensitively, or undefined. */
export function findPing(text: string): string | undefined {
  const lower = text.toLowerCase();
  return PING_SEQUENCES.find((sequence) => lower.includes(sequence));
}

/**
 * A catalog string: trimmed-non-empty, at most `max` UTF-16 units (the unit the platforms count),
 * and free of anything that could ping a channel.
 */
export function text(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((value) => value.trim().length > 0, 'must not be empty')
    .refine((value) => findPing(value) === undefined, {
      message: `must not contain ${PING_SEQUENCES.join(', ')} (it could ping a channel)`,
    });
}

/** A single-line catalog string. */
export function line(max: number) {
  return text(max).refine((value) => !/[\r\n]/.test(value), 'must be a single line');
}

/** An absolute https URL that parses. */
export const httpsUrl = z
  .string()
  .max(300, 'at most 300 characters')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:' && !/\s/.test(value);
    } catch {
      return false;
    }
  }, 'must be an absolute https:// URL');

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Width of a line as a monospace client shows it: one column per code point. */
export function columns(lineText: string): number {
  return [...lineText].length;
}

/** ASCII, Latin-1 letters, dashes and quotes, arrows, box drawing and shapes: all one column wide. */
export const DIAGRAM_CHARS =
  /^[\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2190-\u21ff\u2500-\u259f\u25a0-\u25ff]*$/;
