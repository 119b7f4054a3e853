import { describe, expect, it } from 'vitest';
import { gradeFsrsCard, newFsrsCard, parseFsrsCard } from '../../src/review/fsrs-card.js';
import { pickDueCards } from '../../src/review/pick-due-cards.js';

const at = (iso: string) => new Date(iso);
const row = (slug: string, dueAt: string) => ({ slug, dueAt: at(dueAt), fsrs: '{}' });

describe('which cards a review holds', () => {
  it('takes due cards first, longest overdue first, then patterns never reviewed, at most three', () => {
    const picked = pickDueCards(
      ['a', 'b', 'c', 'd', 'e'],
      [row('c', '2026-12-07T08:00:00Z'), row('a', '2026-12-05T08:00:00Z'), row('b', '2026-12-20T08:00:00Z')],
      '2026-12-07',
      'UTC',
    );
    expect(picked.due.map((card) => card.slug)).toEqual(['a', 'c', 'd']);
    expect(picked.moreDue).toBe(1); // e; b is not due
  });

  it('counts a card due later the same local day as due (answered at 09:05, back at the next 09:00)', () => {
    // 2026-12-08T08:05Z is 09:05 in Berlin on the 8th: due in the review of the 8th at 09:00.
    const picked = pickDueCards(['a'], [row('a', '2026-12-08T08:05:00Z')], '2026-12-08', 'Europe/Berlin');
    expect(picked.due.map((card) => card.slug)).toEqual(['a']);
    // In Los Angeles that instant is still the 8th at 00:05, so the review of the 7th does not hold it.
    expect(
      pickDueCards(['a'], [row('a', '2026-12-08T08:05:00Z')], '2026-12-07', 'America/Los_Angeles').due,
    ).toEqual([]);
  });

  it('leaves out cards of patterns no longer in the catalog', () => {
    expect(pickDueCards(['a'], [row('gone', '2026-12-01T00:00:00Z')], '2026-12-07', 'UTC').due).toEqual([
      { slug: 'a' },
    ]);
  });
});

describe('FSRS scheduling (ts-fsrs)', () => {
  it('spaces a card out when it is known, and brings it back sooner when it is not', () => {
    const now = at('2026-12-07T09:00:00Z');
    const fresh = newFsrsCard(now);
    expect(fresh.dueAt).toEqual(now);
    const knew = gradeFsrsCard(fresh.fsrs, 'knew', now);
    const notYet = gradeFsrsCard(fresh.fsrs, 'not-yet', now);
    expect(knew.dueAt.getTime()).toBeGreaterThan(notYet.dueAt.getTime());
    expect(notYet.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 86_400_000); // whole days
    const again = gradeFsrsCard(knew.fsrs, 'knew', knew.dueAt);
    expect(again.dueAt.getTime() - knew.dueAt.getTime()).toBeGreaterThan(
      knew.dueAt.getTime() - now.getTime(),
    );
    expect(parseFsrsCard(again.fsrs)).toMatchObject({ reps: 2, lapses: 0, due: again.dueAt });
  });

  it('treats stored text that is not a card as a new card', () => {
    expect(parseFsrsCard('{"due":"soon"}')).toBeUndefined();
    expect(parseFsrsCard('not json')).toBeUndefined();
    const now = at('2026-12-07T09:00:00Z');
    const fromGarbage = gradeFsrsCard('garbage', 'knew', now);
    const fromNew = gradeFsrsCard(newFsrsCard(now).fsrs, 'knew', now);
    expect(fromGarbage.dueAt).toEqual(fromNew.dueAt);
    expect(parseFsrsCard(fromGarbage.fsrs)).toEqual(parseFsrsCard(fromNew.fsrs));
  });
});
