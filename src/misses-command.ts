import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { openStore } from './store/create-store.js';
import type { Miss } from './store/store.js';

const SPAN = /^(\d{1,5})([hdw])$/;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: a span back from `now` (`24h`, `7d`, `2w`) or a UTC date (`2026-11-01`); undefined when
 * it is neither.
 */
export function parseSince(text: string, now: Date): Date | undefined {
  const span = SPAN.exec(text.trim());
  if (span?.[1] && span[2]) return new Date(now.getTime() - Number(span[1]) * (UNIT_MS[span[2]] ?? 0));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}

export const SINCE_HINT = 'a span such as 24h, 7d or 2w, or a date written YYYY-MM-DD';

/** One line a miss: count, first and last seen (UTC, to the minute), the text. */
function missLine(miss: Miss): string {
  const at = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');
  return `${String(miss.count).padStart(6)}  ${at(miss.firstSeen)}  ${at(miss.lastSeen)}  ${miss.text}`;
}

/**
 * `cli -- misses [--since 7d] [--json]`: the misses last seen since then, most frequent first, from
 * the store the config names (DATABASE_URL, else DATABASE_PATH), which it opens and closes.
 */
export async function listMissesCommand(
  config: Pick<Config, 'databasePath' | 'databaseUrl'>,
  options: { readonly since: Date; readonly limit: number; readonly json: boolean; readonly logger: Logger },
): Promise<string[]> {
  const store = await openStore(config, { logger: options.logger });
  try {
    const misses = await store.listMisses({ since: options.since, limit: options.limit });
    if (options.json) {
      return [
        JSON.stringify({
          since: options.since.toISOString(),
          misses: misses.map((miss) => ({
            text: miss.text,
            count: miss.count,
            firstSeen: miss.firstSeen.toISOString(),
            lastSeen: miss.lastSeen.toISOString(),
          })),
        }),
      ];
    }
    if (misses.length === 0) return [`no misses since ${options.since.toISOString()}`];
    return [
      `${'count'.padStart(6)}  ${'first seen (UTC)'.padEnd(16)}  ${'last seen'.padEnd(16)}  text`,
      ...misses.map(missLine),
    ];
  } finally {
    await store.close();
  }
}
