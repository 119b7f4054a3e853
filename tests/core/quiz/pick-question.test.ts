import { describe, expect, it } from 'vitest';
import {
  masteredPatterns,
  pickQuestion,
  type QuestionHistory,
} from '../../../src/core/quiz/pick-question.js';
import { questionsBySlug, quizQuestions } from '../../../src/core/quiz/quiz-question.js';
import { realBot } from '../../helpers/catalog.js';

const questions = quizQuestions(realBot().patterns);
const first = () => 0;

/** Answers questions one after another, as a person would, and returns the order they came in. */
function session(rounds: number, correct: (id: string, attempt: number) => boolean) {
  const history = new Map<string, QuestionHistory>();
  const order: string[] = [];
  for (let t = 1; t <= rounds; t++) {
    const question = pickQuestion(questions, history, first);
    if (!question) throw new Error('no question');
    order.push(question.id);
    const before = history.get(question.id);
    const right = correct(question.id, (before?.attempts ?? 0) + 1);
    history.set(question.id, {
      questionId: question.id,
      attempts: (before?.attempts ?? 0) + 1,
      lastCorrect: right,
      everCorrect: (before?.everCorrect ?? false) || right,
      lastAt: t,
    });
  }
  return { order, history };
}

describe('picking a question', () => {
  it('shows every question once before any repeats, easier patterns first', () => {
    const { order } = session(questions.length, () => true);
    expect(new Set(order).size).toBe(questions.length);
    const levels = order.map((id) => questions.find((q) => q.id === id)?.level ?? -1);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(levels[0]).toBe(0);
    expect(levels.at(-1)).toBe(2);
  });

  it('brings the missed ones back before the ones answered right, oldest first', () => {
    const missed = new Set([questions[3]?.id, questions[7]?.id]);
    const { order, history } = session(questions.length, (id) => !missed.has(id));
    const next = pickQuestion(questions, history, first);
    const missedInOrder = order.filter((id) => missed.has(id));
    expect(next?.id).toBe(missedInOrder[0]);
    // After both missed ones come back (answered right this time), the oldest right one is next.
    const { order: longer } = session(questions.length + 3, (id, attempt) => attempt > 1 || !missed.has(id));
    expect(longer.slice(questions.length, questions.length + 2)).toEqual(missedInOrder);
    expect(longer[questions.length + 2]).toBe(order.find((id) => !missed.has(id)));
  });

  it('is undefined with nothing to ask', () => {
    expect(pickQuestion([], new Map())).toBeUndefined();
  });

  it('counts a pattern mastered when every one of its questions was answered right once', () => {
    const bySlug = questionsBySlug(questions);
    const saga = bySlug.get('saga-pattern') ?? [];
    expect(saga.length).toBeGreaterThan(1);
    const entry = (id: string, everCorrect: boolean): [string, QuestionHistory] => [
      id,
      { questionId: id, attempts: 1, lastCorrect: everCorrect, everCorrect, lastAt: 1 },
    ];
    const all = new Map(saga.map((q) => entry(q.id, true)));
    expect(masteredPatterns(bySlug, all)).toEqual(['saga-pattern']);
    const oneWrong = new Map(saga.map((q, i) => entry(q.id, i > 0)));
    expect(masteredPatterns(bySlug, oneWrong)).toEqual([]);
  });
});

describe('question ids', () => {
  it('are the slug and a hash of the content: unique, stable, and changed by a changed question', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const saga = questions.find((q) => q.slug === 'saga-pattern');
    if (!saga) throw new Error('no saga question');
    expect(saga.id).toMatch(/^saga-pattern~[0-9a-z]{1,7}$/);
    const again = quizQuestions(realBot().patterns).find((q) => q.item === saga.item);
    expect(again?.id).toBe(saga.id);
    const changed = { ...saga.item, answer: (saga.item.answer + 1) % saga.item.options.length };
    const pattern = { ...saga.pattern, doc: saga.pattern.doc && { ...saga.pattern.doc, quiz: [changed] } };
    expect(quizQuestions([pattern])[0]?.id).not.toBe(saga.id);
  });
});
