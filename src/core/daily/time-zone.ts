/** True when `Intl` knows the IANA zone (Node 20's supportedValuesOf misses UTC and some aliases). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone name as `Intl` knows it, in its usual spelling (`europe/berlin` → `Europe/Berlin`), or
 * undefined if `Intl` rejects it. Checked by constructing a formatter, since Node 20's
 * `Intl.supportedValuesOf('timeZone')` lacks `UTC` and `Asia/Kolkata`; a valid name is kept as
 * written rather than swapped for its canonical alias (`Asia/Kolkata` stays, not `Asia/Calcutta`).
 */
export function normalizeTimeZone(name: string): string | undefined {
  const input = name.trim();
  if (input === '' || !isTimeZone(input)) return undefined;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === input.toLowerCase()) return resolved;
  const listed = Intl.supportedValuesOf('timeZone').find(
    (zone) => zone.toLowerCase() === input.toLowerCase(),
  );
  return listed ?? input;
}

/** An instant as people in a zone read it: `Thu 2026-11-26 09:00 CET`. */
export function formatInstant(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
