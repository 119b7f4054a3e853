/** Every day of the week: bit 0 is Sunday … bit 6 is Saturday. */
export const EVERY_DAY = 0b111_1111;

/** Index = weekday number (0 Sunday … 6 Saturday). */
const NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Display order: Monday first. */
const ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const WEEKDAYS = 0b011_1110;
export const WEEKENDS = 0b100_0001;

const WORDS: Record<string, number> = {
  weekdays: WEEKDAYS,
  workdays: WEEKDAYS,
  weekends: WEEKENDS,
  weekend: WEEKENDS,
  daily: EVERY_DAY,
  everyday: EVERY_DAY,
  'every-day': EVERY_DAY,
  all: EVERY_DAY,
};

/** `mon`, `tues`, `monday`, `mondays` → 1; at least three letters of a name. */
function dayIndex(name: string): number | undefined {
  const word = name.trim().replace(/(day)s$/, '$1');
  const index = word.length < 3 ? -1 : NAMES.findIndex((day) => day.startsWith(word));
  return index === -1 ? undefined : index;
}

/**
 * Reads a days spec into a bitmask (bit 0 Sunday … bit 6 Saturday): `weekdays`, `weekends`,
 * `mon,wed,fri`, `mon-fri` (ranges may wrap: `fri-mon`), full names too. Undefined if unreadable.
 */
export function parseWeekdays(text: string): number | undefined {
  const spec = text.trim().toLowerCase();
  if (spec === '') return undefined;
  const word = Object.hasOwn(WORDS, spec) ? WORDS[spec] : undefined; // not `constructor`, `__proto__`…
  if (word !== undefined) return word;
  let mask = 0;
  for (const part of spec.split(',')) {
    const [from, to, ...rest] = part.split('-');
    if (rest.length > 0 || from === undefined) return undefined;
    const start = dayIndex(from);
    const end = to === undefined ? start : dayIndex(to);
    if (start === undefined || end === undefined) return undefined;
    for (let day = start; ; day = (day + 1) % 7) {
      mask |= 1 << day;
      if (day === end) break;
    }
  }
  return mask;
}

/** A bitmask for people: `every day`, `weekdays (Mon–Fri)`, `weekends`, `Mon, Wed, Fri`. */
export function formatWeekdays(mask: number): string {
  if (mask === EVERY_DAY) return 'every day';
  if (mask === WEEKDAYS) return 'weekdays (Mon–Fri)';
  if (mask === WEEKENDS) return 'weekends (Sat, Sun)';
  return ORDER.filter((day) => (mask & (1 << day)) !== 0)
    .map((day) => LABELS[day])
    .join(', ');
}
