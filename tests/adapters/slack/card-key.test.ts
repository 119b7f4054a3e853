import { describe, expect, it } from 'vitest';
import { answerToCardKey, cardKeyToAnswer } from '../../../src/adapters/slack/card-key.js';
import type { Answer, PatternAnswer } from '../../../src/core/answer.js';
import { realBot } from '../../helpers/catalog.js';

const bot = realBot();

describe('card keys: what a Share button carries to rebuild a card', () => {
  const saga = bot.patternAnswer('saga-pattern') as PatternAnswer;
  const answers: Answer[] = [
    saga,
    { ...(bot.patternAnswer('cqrs-pattern', 'random') as PatternAnswer), alternatives: [saga.pattern] },
    bot.todayAnswer('2025-03-14'),
    bot.answer('compare cqrs event sourcing'),
    bot.answer('list'),
    bot.answer('category data'),
    bot.answer('help'),
    { kind: 'none', query: '<!channel> ✨ שלום', reason: 'no-match', suggestions: [saga.pattern] },
    { kind: 'none', query: 'compare', reason: 'compare-needs-two', suggestions: [] },
  ];

  it.each(answers.map((answer) => [answer.kind, answer] as const))(
    'rebuilds a %s card exactly',
    (_kind, answer) => {
      const key = answerToCardKey(answer);
      expect(key).toBeDefined();
      expect((key ?? '').length).toBeLessThanOrEqual(2000);
      expect(cardKeyToAnswer(key ?? '', bot)).toEqual(answer);
    },
  );

  it('does not offer to share a notice', () => {
    expect(answerToCardKey({ kind: 'notice', tone: 'info', title: 'x', lines: [] })).toBeUndefined();
  });

  it.each([
    '',
    'saga',
    '{}',
    '{"k":"p","s":"no-such-slug","o":"lookup"}',
    '{"k":"p","s":1}',
    '{"k":"g","c":"Nope"}',
    'null',
  ])('turns down a value it did not make: %s', (value) => {
    expect(cardKeyToAnswer(value, bot)).toBeUndefined();
  });
});
