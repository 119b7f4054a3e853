import { describe, expect, it } from 'vitest';
import { type Answer, type AnswerKind, answerPatterns } from '../../src/core/answer.js';
import { answerToJson } from '../../src/core/answer-to-json.js';
import { answerToText } from '../../src/core/answer-to-text.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();

/** One answer of every kind; the `satisfies` fails to compile when a kind is added and not listed. */
const SAMPLES = {
  pattern: bot.answer('saga'),
  compare: bot.answer('compare cqrs event sourcing'),
  list: bot.answer('list'),
  category: bot.answer('category data'),
  none: bot.answer('pizza'),
  help: bot.answer('help'),
  notice: {
    kind: 'notice',
    tone: 'info',
    title: 'Daily pattern is off here',
    lines: ['Turn it on with /pattern daily on'],
  },
} satisfies Record<AnswerKind, Answer>;

describe('the Answer contract', () => {
  it('each sample has the kind it is filed under', () => {
    for (const [kind, answer] of Object.entries(SAMPLES)) expect(answer.kind).toBe(kind);
  });

  it('answerToJson gives kind and the shown patterns with code, slug, name and category', () => {
    for (const answer of Object.values(SAMPLES)) {
      const json = answerToJson(answer);
      expect(json.kind).toBe(answer.kind);
      expect(json.patterns.map((p) => p.slug)).toEqual(answerPatterns(answer).map((p) => p.slug));
      for (const p of json.patterns)
        expect(Object.keys(p).sort()).toEqual(['category', 'code', 'name', 'slug']);
    }
    expect(answerToJson(SAMPLES.category)).toMatchObject({ category: 'Data Pattern' });
    expect(answerToJson(SAMPLES.none)).toEqual({
      kind: 'none',
      patterns: [],
      reason: 'no-match',
      suggestions: [],
    });
  });

  it('answerToText renders a pattern card', () => {
    expect(answerToText(SAMPLES.pattern)).toBe(
      [
        'Saga Pattern (06, Transaction Pattern)',
        'A pattern that manages distributed transactions by breaking them into multiple local transactions.',
        'Related: Outbox Pattern, Event-Driven Architecture, Microservices Architecture, Event Sourcing Pattern',
      ].join('\n'),
    );
  });

  it('answerToText heads the pattern of the day with its date', () => {
    expect(answerToText(bot.todayAnswer('2026-12-01')).split('\n')[0]).toBe(
      'Pattern of the day (2026-12-01)',
    );
  });

  it('answerToText renders a comparison, a category and a not-found answer', () => {
    expect(answerToText(SAMPLES.compare)).toBe(
      [
        'CQRS Pattern vs Event Sourcing Pattern',
        'Both are Data Patterns.',
        '',
        'CQRS Pattern (05, Data Pattern)',
        'A pattern that separates read operations from write operations into different models.',
        '',
        'Event Sourcing Pattern (12, Data Pattern)',
        'A pattern that stores application state as a sequence of events.',
      ].join('\n'),
    );
    expect(answerToText(SAMPLES.category)).toBe(
      [
        'Data Pattern:',
        '  05 CQRS Pattern',
        '  07 Outbox Pattern',
        '  11 Sharding Pattern',
        '  12 Event Sourcing Pattern',
      ].join('\n'),
    );
    expect(answerToText(SAMPLES.none)).toBe(
      'No pattern matches "pizza".\nTry "list" to see every pattern, or "help".',
    );
    expect(answerToText(SAMPLES.notice)).toBe('Daily pattern is off here\nTurn it on with /pattern daily on');
  });

  it('answerToText lists every pattern and every command', () => {
    const list = answerToText(SAMPLES.list);
    for (const pattern of bot.patterns) expect(list).toContain(`${pattern.code} ${pattern.name}`);
    const help = answerToText(SAMPLES.help);
    for (const usage of ['compare <pattern> <pattern>', 'category <name>', 'list', 'random', 'today'])
      expect(help).toContain(usage);
  });
});
