import { describe, expect, it } from 'vitest';
import { type Answer, type AnswerKind, answerPatterns } from '../../src/core/answer.js';
import { answerToJson } from '../../src/core/answer-to-json.js';
import { answerToCard } from '../../src/core/card/answer-to-card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const text = (answer: Answer) => cardToText(answerToCard(answer));

/** One answer of every kind; the `satisfies` fails to compile when a kind is added and not listed. */
const SAMPLES = {
  pattern: bot.answer('saga'),
  compare: bot.answer('compare cqrs event sourcing'),
  list: bot.answer('list'),
  category: bot.answer('category data'),
  none: bot.answer('pizza'),
  help: bot.answer('help'),
  daily: bot.answer('daily on'),
  term: bot.answer('what is 2PC?'),
  stats: bot.answer('stats'),
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
    expect(answerToJson(SAMPLES.daily)).toEqual({ kind: 'daily', patterns: [], outcome: 'channels-only' });
    expect(answerToJson(SAMPLES.stats)).toEqual({ kind: 'stats', patterns: [], outcome: 'unavailable' });
  });
});

describe('cardToText, the one plain-text form (console, Slack fallback, logs)', () => {
  it('renders the stats: the most asked patterns and the misses, for the asker alone', () => {
    const saga = bot.bySlug('saga-pattern');
    const outbox = bot.bySlug('outbox-pattern');
    if (!saga || !outbox) throw new Error('no saga or outbox');
    const card = answerToCard({
      kind: 'stats',
      outcome: 'report',
      days: 30,
      asked: [
        { pattern: saga, count: 12 },
        { pattern: outbox, count: 3 },
      ],
      misses: [{ text: 'raft leader election', count: 4 }],
    });
    expect(card.private).toBe(true);
    expect(card.share).toBeUndefined();
    expect(cardToText(card).split('\n')).toEqual([
      'What people asked in the last 30 days',
      'Most asked patterns:',
      '  • Saga Pattern · 12×',
      '  • Outbox Pattern · 3×',
      'Most frequent misses (no answer, or only “did you mean”):',
      '  • “raft leader election” · 4×',
      'Only you can see this. The whole log, for the catalog’s owners: npm run --silent cli -- misses.',
    ]);
    const empty = answerToCard({ kind: 'stats', outcome: 'report', days: 1, asked: [], misses: [] });
    expect(cardToText(empty).split('\n').slice(0, 3)).toEqual([
      'What people asked in the last 1 day',
      'Most asked patterns None yet.',
      'Most frequent misses (no answer, or only “did you mean”) None: every question found its pattern.',
    ]);
    expect(cardToText(answerToCard({ kind: 'stats', outcome: 'forbidden', platform: 'discord' }))).toBe(
      'Only channel managers can see the stats\nAsk someone with the Manage Channels permission here.',
    );
  });

  it('renders a pattern card: the short, decision-shaped first view', () => {
    const lines = text(SAMPLES.pattern).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Saga Pattern',
      '06 · Design pattern · Transaction Pattern · advanced',
    ]);
    expect(lines[2]).toMatch(/^A saga runs a business transaction/);
    expect(lines[3]).toMatch(/^The problem: /);
    for (const heading of ['Use it when:', 'Avoid it when:', 'What it costs:'])
      expect(lines).toContain(heading);
    expect(lines).toContain('Tools: Temporal, AWS Step Functions, Eventuate Tram Sagas');
    expect(lines.at(-1)).toBe('/pattern saga-pattern');
  });

  it('a catalog row without content shows what the row holds', () => {
    const saga = bot.bySlug('saga-pattern');
    if (!saga) throw new Error('no saga');
    const { doc: _doc, ...row } = saga;
    const plain = text({ kind: 'pattern', pattern: row, related: [], alternatives: [], source: 'lookup' });
    expect(plain).toBe(
      [
        'Saga Pattern',
        '06 · Transaction Pattern',
        'A pattern that manages distributed transactions by breaking them into multiple local transactions.',
        '/pattern saga-pattern',
      ].join('\n'),
    );
  });

  it('heads the pattern of the day with its date, and a random pick with where it came from', () => {
    expect(text(bot.todayAnswer('2026-12-01')).split('\n')[0]).toBe('Pattern of the day · 2026-12-01');
    expect(text(bot.answer('random', { random: () => 0 })).split('\n')[0]).toBe('Picked at random');
  });

  it('renders a comparison, a category and a not-found answer', () => {
    const compare = text(SAMPLES.compare).split('\n');
    expect(compare[0]).toBe('CQRS Pattern vs Event Sourcing Pattern');
    expect(compare[1]).toMatch(/^CQRS separates the model that handles writes/);
    for (const row of [
      'Solves:',
      'Consistency:',
      'Coupling:',
      'Complexity:',
      'Operational cost:',
      'Latency:',
      'Failure modes:',
      'Choose it when:',
      'Tools:',
    ])
      expect(compare).toContain(row);
    expect(compare.at(-1)).toMatch(/^Use both when: /);
    expect(text(SAMPLES.category).split('\n').slice(0, 3)).toEqual([
      'Data Pattern',
      '  • 05 CQRS Pattern: A pattern that separates read operations from write operations into different models.',
      '  • 07 Outbox Pattern: A pattern that guarantees consistency between database transactions and event publishing.',
    ]);
    expect(text(SAMPLES.none)).toBe(
      'No pattern matches “pizza”\nTry /pattern list to see every pattern, or /pattern help.',
    );
    expect(text(SAMPLES.daily).split('\n')[0]).toBe('The daily pattern is for channels');
  });

  it('lists every pattern and every command', () => {
    const list = text(SAMPLES.list);
    for (const pattern of bot.patterns) expect(list).toContain(`${pattern.code} ${pattern.name}`);
    const help = text(SAMPLES.help);
    for (const usage of ['compare <pattern> <pattern>', 'category <name>', 'list', 'random', 'today'])
      expect(help).toContain(usage);
  });
});
