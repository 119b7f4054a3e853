import type { Pattern } from './pattern.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** FNV-1a: a stable 32-bit hash, the same on every machine. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Days since 1970-01-01 of a calendar date written YYYY-MM-DD; throws on anything else. */
export function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${isoDate}`);
  }
  return Math.round(ms / DAY_MS);
}

export function isIsoDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) that `now` falls on in an IANA time zone. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The rotation the pattern of the day walks: the catalog ordered by a hash of each slug, so the order
 * does not follow the file's and does not change when rows move. Every pattern comes once per cycle.
 */
export function dailyRotation(patterns: readonly Pattern[]): Pattern[] {
  return [...patterns].sort((a, b) => hash(a.slug) - hash(b.slug) || a.slug.localeCompare(b.slug));
}

/** The pattern of the day for a calendar date: the same everywhere, no repeat within a cycle. */
export function patternOfTheDay(rotation: readonly Pattern[], isoDate: string): Pattern {
  if (rotation.length === 0) throw new RangeError('the catalog is empty');
  const n = rotation.length;
  return rotation[((dayNumber(isoDate) % n) + n) % n] as Pattern;
}
