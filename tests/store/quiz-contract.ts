import { describe, expect, it } from 'vitest';
import { advanceStreak } from '../../src/core/quiz/streak.js';
import type { QuizAnswerInput } from '../../src/store/quiz-store.js';
import type { Store } from '../../src/store/store.js';

const person = { platform: 'slack', workspaceId: 'T1', userId: 'U1' } as const;
const answer = (overrides: Partial<QuizAnswerInput> = {}): QuizAnswerInput => ({
  ...person,
  questionId: 'saga-pattern~abc',
  round: 'r1',
  patternSlug: 'saga-pattern',
  channelId: 'C1',
  option: 0,
  correct: true,
  localDate: '2026-12-01',
  at: new Date('2026-12-01T10:00:00Z'),
  ...overrides,
});

/** The quiz's part of the store contract: every backend, the same behaviour. */
export function quizContract(get: () => { store: Store; second: () => Store }): void {
  describe('quiz', () => {
    it('counts an answer once: a second click on the same posting changes nothing and returns the first', async () => {
      const { store } = get();
      const first = await store.recordQuizAnswer(answer(), advanceStreak);
      expect(first).toMatchObject({ recorded: true, option: 0, correct: true });
      expect(first.person).toEqual({
        score: 1,
        answered: 1,
        streak: { current: 1, best: 1, lastDay: '2026-12-01' },
      });
      const again = await store.recordQuizAnswer(answer({ option: 2, correct: false }), advanceStreak);
      expect(again).toMatchObject({ recorded: false, option: 0, correct: true, person: first.person });
      expect(await store.quizPerson(person)).toEqual(first.person);
      // Another posting of the same question is another answer.
      expect(
        (await store.recordQuizAnswer(answer({ round: 'r2', correct: false, option: 1 }), advanceStreak))
          .person,
      ).toMatchObject({ score: 1, answered: 2 });
    });

    it('gives exactly one of many racing clicks of one person, across connections, the count', async () => {
      const { store, second } = get();
      const other = second();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other).recordQuizAnswer(answer({ option: i % 3 }), advanceStreak),
        ),
      );
      expect(results.filter((r) => r.recorded)).toHaveLength(1);
      expect(await store.quizPerson(person)).toMatchObject({ answered: 1 });
    });

    it('keeps people apart by platform and workspace, and starts everyone at zero', async () => {
      const { store } = get();
      await store.recordQuizAnswer(answer(), advanceStreak);
      await store.recordQuizAnswer(answer({ workspaceId: 'T2', correct: false, option: 1 }), advanceStreak);
      expect(await store.quizPerson({ ...person, workspaceId: 'T2' })).toMatchObject({
        score: 0,
        answered: 1,
      });
      expect(await store.quizPerson({ ...person, platform: 'discord' })).toEqual({
        score: 0,
        answered: 0,
        streak: { current: 0, best: 0 },
      });
    });

    it('grows the streak on consecutive local days, keeps it on a wrong answer, restarts after a gap', async () => {
      const { store } = get();
      const day = (localDate: string, round: string, correct = true) =>
        store.recordQuizAnswer(answer({ localDate, round, correct, option: correct ? 0 : 1 }), advanceStreak);
      await day('2026-12-01', 'a');
      await day('2026-12-01', 'b');
      await day('2026-12-02', 'c');
      expect((await day('2026-12-03', 'd', false)).person.streak).toEqual({
        current: 2,
        best: 2,
        lastDay: '2026-12-02',
      });
      expect((await day('2026-12-03', 'e')).person.streak).toEqual({
        current: 3,
        best: 3,
        lastDay: '2026-12-03',
      });
      expect((await day('2026-12-06', 'f')).person).toMatchObject({
        score: 5,
        answered: 6,
        streak: { current: 1, best: 3, lastDay: '2026-12-06' },
      });
    });

    it('reports each question a person answered: attempts, latest and any right answer', async () => {
      const { store } = get();
      await store.recordQuizAnswer(answer({ round: 'a', correct: true }), advanceStreak);
      await store.recordQuizAnswer(
        answer({ round: 'b', correct: false, option: 1, at: new Date('2026-12-02T10:00:00Z') }),
        advanceStreak,
      );
      await store.recordQuizAnswer(
        answer({ questionId: 'cqrs-pattern~x', patternSlug: 'cqrs-pattern' }),
        advanceStreak,
      );
      const history = (await store.quizHistory(person)).sort((a, b) =>
        a.questionId.localeCompare(b.questionId),
      );
      expect(history).toEqual([
        {
          questionId: 'cqrs-pattern~x',
          attempts: 1,
          lastAt: Date.parse('2026-12-01T10:00:00Z'),
          everCorrect: true,
          lastCorrect: true,
        },
        {
          questionId: 'saga-pattern~abc',
          attempts: 2,
          lastAt: Date.parse('2026-12-02T10:00:00Z'),
          everCorrect: true,
          lastCorrect: false,
        },
      ]);
      expect(await store.quizHistory({ ...person, userId: 'U9' })).toEqual([]);
    });

    it('ranks a channel by right answers given there, listing only people who answered there', async () => {
      const { store } = get();
      const click = (userId: string, round: string, correct: boolean, channelId = 'C1') =>
        store.recordQuizAnswer(
          answer({ userId, round, correct, channelId, option: correct ? 0 : 1 }),
          advanceStreak,
        );
      await click('U1', 'a', true);
      await click('U2', 'a', true);
      await click('U2', 'b', true);
      await click('U3', 'a', false);
      await click('U4', 'a', true, 'C2');
      expect(
        await store.quizLeaderboard({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' }, 10),
      ).toEqual([
        { userId: 'U2', right: 2, answered: 2 },
        { userId: 'U1', right: 1, answered: 1 },
        { userId: 'U3', right: 0, answered: 1 },
      ]);
      expect(
        await store.quizLeaderboard({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' }, 1),
      ).toHaveLength(1);
      expect(
        await store.quizLeaderboard({ platform: 'discord', workspaceId: 'T1', channelId: 'C1' }, 10),
      ).toEqual([]);
      expect(await store.quizTally('saga-pattern~abc', 'a')).toEqual({ answered: 4, right: 3 });
      expect(await store.quizTally('saga-pattern~abc', 'zz')).toEqual({ answered: 0, right: 0 });
    });

    it('claims each due reveal of a question of the day once, across racing connections', async () => {
      const { store, second } = get();
      const reveal = (channelId: string, revealAt: string) => ({
        platform: 'slack' as const,
        channelId,
        localDate: '2026-12-01',
        questionId: 'saga-pattern~abc',
        round: `d${channelId.toLowerCase()}`,
        messageId: `17000.${channelId}`,
        revealAt: new Date(revealAt),
      });
      expect(await store.scheduleQuizReveal(reveal('C1', '2026-12-02T09:00:00Z'))).toBe(true);
      expect(await store.scheduleQuizReveal(reveal('C1', '2026-12-03T09:00:00Z'))).toBe(false);
      await store.scheduleQuizReveal(reveal('C2', '2026-12-02T08:00:00Z'));
      await store.scheduleQuizReveal(reveal('C3', '2026-12-05T09:00:00Z'));
      expect(await store.claimQuizReveals(new Date('2026-12-01T12:00:00Z'), 10)).toEqual([]);
      const other = second();
      const at = new Date('2026-12-02T09:00:00Z');
      const claims = await Promise.all([store, other, store, other].map((s) => s.claimQuizReveals(at, 10)));
      const claimed = claims.flat();
      expect(claimed.map((r) => r.channelId).sort()).toEqual(['C1', 'C2']);
      expect(claimed.find((r) => r.channelId === 'C1')).toEqual(reveal('C1', '2026-12-02T09:00:00Z'));
      expect(await store.claimQuizReveals(new Date('2026-12-09T00:00:00Z'), 10)).toHaveLength(1);
      expect(await store.claimQuizReveals(new Date('2026-12-09T00:00:00Z'), 10)).toEqual([]);
    });

    it('counts 1,000 people answering one question at once: 1,000 answers, no error', async () => {
      const { store, second } = get();
      const other = second();
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          (i % 2 ? store : other).recordQuizAnswer(
            answer({ userId: `U${i}`, correct: i % 4 !== 0, option: i % 4 === 0 ? 1 : 0 }),
            advanceStreak,
          ),
        ),
      );
      expect(results.every((r) => r.recorded)).toBe(true);
      expect(await store.quizTally('saga-pattern~abc', 'r1')).toEqual({ answered: 1000, right: 750 });
    }, 60_000);
  });
}
