import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../../src/core/card/action.js';
import { parseAnswerChoice, parseQuizCommand } from '../../../src/core/quiz/quiz-command.js';

describe('quiz commands', () => {
  it('reads a question, of a topic, stats and the leaderboard', () => {
    expect(parseQuizCommand('quiz')).toEqual({ type: 'ask' });
    expect(parseQuizCommand('/pattern quiz')).toEqual({ type: 'ask' });
    expect(parseQuizCommand('Quiz me')).toEqual({ type: 'ask' });
    expect(parseQuizCommand('quiz saga')).toEqual({ type: 'ask', topic: 'saga' });
    expect(parseQuizCommand('quiz on data patterns')).toEqual({ type: 'ask', topic: 'data patterns' });
    expect(parseQuizCommand('quiz stats')).toEqual({ type: 'stats' });
    expect(parseQuizCommand('QUIZ  TOP')).toEqual({ type: 'top' });
    expect(parseQuizCommand('quiz leaderboard')).toEqual({ type: 'top' });
    expect(parseQuizCommand('saga')).toBeUndefined();
    expect(parseQuizCommand('quizzes')).toBeUndefined();
  });

  it('reads an option where there are no buttons', () => {
    expect(parseAnswerChoice('2')).toBe(1);
    expect(parseAnswerChoice('answer 3')).toBe(2);
    expect(parseAnswerChoice(' Option #1 ')).toBe(0);
    expect(parseAnswerChoice('5')).toBeUndefined();
    expect(parseAnswerChoice('06')).toBeUndefined();
    expect(parseAnswerChoice('saga')).toBeUndefined();
  });
});

describe('quiz buttons in the action codec', () => {
  it('round-trips an answer and a post, within 100 characters', () => {
    const answer = {
      type: 'quiz',
      slug: 'saga-pattern',
      hash: 'k3j2h1',
      option: 2,
      round: 'mf3abc12',
    } as const;
    const encoded = encodeAction(answer);
    expect(encoded?.length).toBeLessThanOrEqual(100);
    expect(decodeAction(encoded)).toEqual(answer);
    const post = { type: 'quiz-post', slug: 'saga-pattern', hash: 'k3j2h1', round: 'mf3abc12' } as const;
    expect(decodeAction(encodeAction(post))).toEqual(post);
  });

  it('rejects a forged option or hash', () => {
    expect(decodeAction('p1:["q","saga-pattern","k3j2h1",7,"r1"]')).toBeUndefined();
    expect(decodeAction('p1:["q","saga-pattern","NOT A HASH",0,"r1"]')).toBeUndefined();
    expect(decodeAction('p1:["q","saga-pattern","k3j2h1",0]')).toBeUndefined();
  });
});
