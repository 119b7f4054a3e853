import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';

const at = (iso: string) => new Date(iso);
const alice = { platform: 'slack', workspaceId: 'T1', userId: 'U1' } as const;
const bob = { platform: 'discord', workspaceId: '', userId: '42' } as const;
const schedule = { time: '09:00', timeZone: 'Europe/Berlin', weekdays: 0b011_1110 } as const;
const card = (slug: string, dueAt: string) => ({ slug, dueAt: at(dueAt), fsrs: `{"slug":"${slug}"}` });

/** The review tables, on every backend (called from `storeContract`). */
export function reviewContract(store: () => Store, second: () => Store): void {
  describe('spaced review', () => {
    it('saves a schedule per person, replaces it, and lists who is due from the index', async () => {
      const s = store();
      const made = await s.upsertReviewer(
        { ...alice, ...schedule, nextRunAt: at('2026-12-07T08:00:00Z') },
        at('2026-12-06T10:00:00Z'),
      );
      expect(made).toMatchObject({ ...alice, ...schedule, createdAt: at('2026-12-06T10:00:00Z') });
      await s.upsertReviewer(
        { ...alice, ...schedule, time: '08:30', nextRunAt: at('2026-12-07T07:30:00Z') },
        at('2026-12-06T11:00:00Z'),
      );
      await s.upsertReviewer(
        { ...bob, ...schedule, nextRunAt: at('2026-12-08T08:00:00Z') },
        at('2026-12-06T11:00:00Z'),
      );
      expect(await s.getReviewer(alice)).toMatchObject({
        time: '08:30',
        createdAt: at('2026-12-06T10:00:00Z'),
        updatedAt: at('2026-12-06T11:00:00Z'),
      });
      const due = await s.dueReviewers(at('2026-12-07T08:00:00Z'), {
        platforms: ['slack', 'discord'],
        limit: 10,
      });
      expect(due.map((r) => r.userId)).toEqual(['U1']);
      expect(
        await s.dueReviewers(at('2026-12-09T00:00:00Z'), { platforms: ['discord'], limit: 10 }),
      ).toHaveLength(1);
      expect(await s.getReviewer({ ...alice, workspaceId: 'T2' })).toBeUndefined();
    });

    it('lets exactly one of many connections claim a run', async () => {
      const s = store();
      const from = at('2026-12-07T08:00:00Z');
      await s.upsertReviewer({ ...alice, ...schedule, nextRunAt: from }, at('2026-12-06T10:00:00Z'));
      const other = second();
      const to = at('2026-12-08T08:00:00Z');
      const wins = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : s).claimReview(alice, { from, to })),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await s.getReviewer(alice))?.nextRunAt).toEqual(to);
    });

    it('opens prompted cards for one answer each, keeping the state of cards it has', async () => {
      const s = store();
      await s.promptReviewCards(alice, '2026-12-07', [card('saga', '2026-12-07T08:00:00Z')]);
      expect(await s.answerReviewCard(alice, 'saga', '2026-12-06', undefined)).toBe(false); // not that prompt
      const next = { dueAt: at('2026-12-10T08:00:00Z'), fsrs: '{"n":1}' };
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? second() : s).answerReviewCard(alice, 'saga', '2026-12-07', next),
        ),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await s.listReviewCards(alice)).toEqual([
        {
          slug: 'saga',
          dueAt: next.dueAt,
          fsrs: next.fsrs,
          promptDate: '2026-12-07',
          answeredDate: '2026-12-07',
        },
      ]);
      // Prompted again later: the stored state stays, the new prompt is open.
      await s.promptReviewCards(alice, '2026-12-10', [
        card('saga', '2026-12-30T00:00:00Z'),
        card('cqrs', '2026-12-10T08:00:00Z'),
      ]);
      const cards = await s.listReviewCards(alice);
      expect(cards.map((c) => [c.slug, c.fsrs, c.promptDate, c.answeredDate])).toEqual([
        ['cqrs', '{"slug":"cqrs"}', '2026-12-10', undefined],
        ['saga', '{"n":1}', '2026-12-10', undefined],
      ]);
      // Skip: answered, state unchanged.
      expect(await s.answerReviewCard(alice, 'cqrs', '2026-12-10', undefined)).toBe(true);
      expect((await s.listReviewCards(alice))[0]).toMatchObject({
        fsrs: '{"slug":"cqrs"}',
        answeredDate: '2026-12-10',
      });
      expect(await s.answerReviewCard(alice, 'saga', '2026-12-07', next)).toBe(false); // a replaced prompt
      // The same date's prompt sent again (a retry): what was answered stays answered.
      await s.promptReviewCards(alice, '2026-12-10', [card('cqrs', '2026-12-10T08:00:00Z')]);
      expect(await s.answerReviewCard(alice, 'cqrs', '2026-12-10', undefined)).toBe(false);
    });

    it('deletes a person’s schedule and every card of theirs, and no one else’s', async () => {
      const s = store();
      await s.upsertReviewer(
        { ...alice, ...schedule, nextRunAt: at('2026-12-07T08:00:00Z') },
        at('2026-12-06T10:00:00Z'),
      );
      await s.upsertReviewer(
        { ...bob, ...schedule, nextRunAt: at('2026-12-07T08:00:00Z') },
        at('2026-12-06T10:00:00Z'),
      );
      await s.promptReviewCards(alice, '2026-12-07', [card('saga', '2026-12-07T08:00:00Z')]);
      await s.promptReviewCards(bob, '2026-12-07', [card('saga', '2026-12-07T08:00:00Z')]);
      expect(await s.deleteReviewer(alice)).toBe(true);
      expect(await s.getReviewer(alice)).toBeUndefined();
      expect(await s.listReviewCards(alice)).toEqual([]);
      expect(await s.deleteReviewer(alice)).toBe(false);
      expect(await s.getReviewer(bob)).toBeDefined();
      expect(await s.listReviewCards(bob)).toHaveLength(1);
      // Cards left without a schedule (a prompt racing the delete) are deleted too.
      await s.promptReviewCards(alice, '2026-12-08', [card('cqrs', '2026-12-08T08:00:00Z')]);
      expect(await s.deleteReviewer(alice)).toBe(true);
      expect(await s.listReviewCards(alice)).toEqual([]);
    });
  });
}
