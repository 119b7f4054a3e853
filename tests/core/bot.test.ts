import { describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer-to-json.js';
import { createBot } from '../../src/core/bot.js';
import { COMMANDS } from '../../src/core/commands.js';
import { realBot, realPatterns } from '../helpers/catalog.js';

const bot = realBot();
const json = (text: string) => answerToJson(bot.answer(text));
const slugs = (text: string) => json(text).patterns.map((p) => p.slug);

describe('lookup', () => {
  it.each([
    ['saga', 'saga-pattern'],
    ['Saga Pattern', 'saga-pattern'],
    ['saga-pattern', 'saga-pattern'],
    ['06', 'saga-pattern'],
    ['6', 'saga-pattern'],
    ['#6', 'saga-pattern'],
    ['circuit braker', 'circuit-breaker-pattern'],
    ["what's a sidecar?", 'sidecar-pattern'],
    ['how do I stop one slow service from taking down the rest', 'circuit-breaker-pattern'],
    ['hystrix', 'circuit-breaker-pattern'],
    ['envoy', 'sidecar-pattern'],
    ['eventsourcing', 'event-sourcing-pattern'],
    ['SOA', 'service-oriented-architecture'],
  ])('%s → %s', (text, slug) => {
    const answer = json(text);
    expect(answer.kind).toBe('pattern');
    expect(answer.patterns.map((p) => p.slug)).toEqual([slug]);
  });

  it('a confident match has no alternatives; the card carries its related patterns', () => {
    const answer = bot.answer('saga');
    expect(answer).toMatchObject({ kind: 'pattern', source: 'lookup', alternatives: [] });
    if (answer.kind !== 'pattern') throw new Error('expected a pattern');
    expect(answer.related.map((p) => p.slug)).toEqual([
      'outbox-pattern',
      'event-driven-architecture',
      'microservices-architecture',
      'event-sourcing-pattern',
    ]);
  });

  it('offers up to three alternatives when patterns score close', () => {
    const answer = bot.answer('service');
    if (answer.kind !== 'pattern') throw new Error(`expected a pattern, got ${answer.kind}`);
    expect(answer.alternatives.length).toBeGreaterThan(0);
    expect(answer.alternatives.length).toBeLessThanOrEqual(3);
    expect(answer.alternatives).not.toContain(answer.pattern);
  });

  it('answers a weak match with "did you mean"', () => {
    const answer = bot.answer('strnglr fig');
    expect(answer).toMatchObject({ kind: 'pattern', pattern: { slug: 'strangler-fig-pattern' } });
  });

  it.each(['pizza', 'asdfghjkl', 'the weather tomorrow', 'what is love', 'how do I bake sourdough bread'])(
    'rejects nonsense: %s',
    (text) => {
      const answer = json(text);
      expect(answer).toMatchObject({ kind: 'none', reason: 'no-match', patterns: [], suggestions: [] });
    },
  );

  it('answers a clear winner below the plausible bar', () => {
    expect(json('circut brkr')).toMatchObject({
      kind: 'pattern',
      patterns: [{ slug: 'circuit-breaker-pattern' }],
    });
  });

  it('suggests real near matches when it is not sure enough to answer', () => {
    const pattern = (code: string, name: string) => ({
      code,
      slug: name.toLowerCase().replace(' ', '-'),
      name,
      description: 'A pattern for tests.',
      category: 'Test Pattern',
      aliases: [],
      related: [],
    });
    const tied = createBot([
      pattern('01', 'Foo Widget'),
      pattern('02', 'Foo Gadget'),
      pattern('03', 'Bar Thing'),
    ]);
    const answer = answerToJson(tied.answer('foo zebra'));
    expect(answer).toMatchObject({ kind: 'none', reason: 'no-match' });
    expect(answer.suggestions?.map((p) => p.slug)).toEqual(['foo-widget', 'foo-gadget']);
  });

  it('reads past the @name and #channel tokens adapters make of mentions, but keeps #6 as a code', () => {
    for (const text of ['saga for @alice in #general', '@here saga?', 'saga #random-chat @team']) {
      const answer = bot.answer(text);
      expect(answer.kind === 'pattern' && answer.pattern.slug, text).toBe('saga-pattern');
    }
    const code = bot.answer('#6');
    expect(code.kind === 'pattern' && code.pattern.slug).toBe('saga-pattern');
    expect(bot.answer('@alice #general').kind).toBe('help');
  });

  it('keeps at most 100 characters of the query in a not-found answer', () => {
    const answer = bot.answer(`zzq ${'x'.repeat(500)}`);
    expect(answer).toMatchObject({ kind: 'none' });
    if (answer.kind === 'none') expect(answer.query.length).toBeLessThanOrEqual(100);
  });

  it('survives any input', () => {
    const inputs = [
      'x'.repeat(10_000),
      '🙂'.repeat(3000),
      'مرحبا ما هو نمط الساجا؟',
      '\u0000\u0001\u0002',
      '<!channel> saga',
      '@everyone',
      '   \n\t ',
      '!\'"`~',
      'compare '.repeat(100),
    ];
    for (const text of inputs) expect(() => bot.answer(text)).not.toThrow();
    expect(slugs('<!channel> saga')).toEqual(['saga-pattern']);
  });
});

describe('terms outside the catalog (the glossary)', () => {
  it('answers what a term is, that it is no pattern here, and the patterns it touches', () => {
    for (const text of ['What is 2PC?', 'Why 2PC blocks', 'two-phase commit']) {
      const answer = bot.answer(text);
      expect(answer.kind, text).toBe('term');
      if (answer.kind !== 'term') continue;
      expect(answer.term).toBe('2PC');
      expect(answer.relates[0]?.pattern.slug).toBe('saga-pattern');
    }
    expect(bot.answer('token bucket rate limiting')).toMatchObject({ kind: 'term', term: 'rate limiting' });
    expect(bot.answer('bulkhead')).toMatchObject({ kind: 'term', term: 'bulkhead' });
  });

  it('a question that names a pattern is the pattern’s, and "an alternative to" a term is its pattern', () => {
    const named = bot.answer('retry with a circuit breaker');
    expect(named.kind === 'pattern' && named.pattern.slug).toBe('circuit-breaker-pattern');
    const instead = bot.answer('2PC alternative');
    expect(instead.kind === 'pattern' && instead.pattern.slug).toBe('saga-pattern');
  });

  it('a comparison with one side outside the catalog shows the inside pattern, and what the term is to it', () => {
    const retry = bot.answer('Retry vs Circuit Breaker');
    expect(retry.kind === 'pattern' && retry.pattern.slug).toBe('circuit-breaker-pattern');
    expect(retry.kind === 'pattern' && retry.versus?.term).toBe('retry with backoff');
    const twoPhase = bot.answer('saga vs 2pc');
    expect(twoPhase.kind === 'pattern' && twoPhase.pattern.slug).toBe('saga-pattern');
    expect(twoPhase.kind === 'pattern' && twoPhase.versus?.chooseTerm).toMatch(/XA/);
    const gateway = bot.answer('API Gateway vs Load Balancer');
    expect(gateway.kind === 'pattern' && gateway.versus?.term).toBe('load balancer');
    // Two patterns are still a comparison.
    expect(bot.answer('compare cqrs event sourcing').kind).toBe('compare');
  });

  it('a term that is one word of a longer problem does not take the question over', () => {
    expect(bot.answer('how do I add mTLS and retries without changing app code').kind).not.toBe('term');
  });

  it('without a glossary, nothing is a term', () => {
    expect(createBot(realPatterns()).answer('What is 2PC?').kind).not.toBe('term');
  });
});

describe('compare', () => {
  it.each([
    ['compare cqrs event sourcing', ['cqrs-pattern', 'event-sourcing-pattern']],
    ['event-driven vs SOA', ['event-driven-architecture', 'service-oriented-architecture']],
    ['how does sharding differ from CQRS', ['sharding-pattern', 'cqrs-pattern']],
    ['compare circuit breaker saga', ['circuit-breaker-pattern', 'saga-pattern']],
    ['compare circuit braker with sagga', ['circuit-breaker-pattern', 'saga-pattern']],
  ])('%s', (text, expected) => {
    expect(json(text)).toMatchObject({ kind: 'compare' });
    expect(slugs(text)).toEqual(expected);
  });

  it('needs two different patterns', () => {
    expect(json('compare')).toMatchObject({ kind: 'none', reason: 'compare-needs-two' });
    expect(json('compare saga')).toMatchObject({ kind: 'none', reason: 'compare-needs-two' });
    expect(json('compare saga vs sagas')).toMatchObject({ kind: 'none', reason: 'compare-needs-two' });
  });

  it('names the side it cannot find', () => {
    expect(bot.answer('compare saga with pizza')).toMatchObject({
      kind: 'none',
      reason: 'no-match',
      query: 'pizza',
    });
  });
});

describe('list and category', () => {
  it('lists every pattern grouped by category, in catalog order', () => {
    const answer = bot.answer('list');
    if (answer.kind !== 'list') throw new Error('expected a list');
    expect(answer.groups.map((g) => g.category)).toEqual([
      'Service Decomposition Pattern',
      'Communication Pattern',
      'Enterprise Pattern',
      'Data Pattern',
      'Transaction Pattern',
      'Deployment Pattern',
      'Migration Pattern',
      'Fault Tolerance Pattern',
    ]);
    expect(answer.groups.flatMap((g) => g.patterns)).toHaveLength(12);
  });

  it.each([
    ['category data', 'Data Pattern'],
    ['category Data Pattern', 'Data Pattern'],
    ['category fault', 'Fault Tolerance Pattern'],
    ['category comunication', 'Communication Pattern'],
    ['category transactions', 'Transaction Pattern'],
    ['data patterns', 'Data Pattern'],
  ])('%s → %s', (text, category) => {
    expect(json(text)).toMatchObject({ kind: 'category', category });
  });

  it('says so when no category matches', () => {
    expect(json('category pizza')).toMatchObject({ kind: 'none', reason: 'no-category' });
  });
});

describe('random, today and help', () => {
  it('random uses the injected generator', () => {
    const patterns = realPatterns();
    expect(bot.answer('random', { random: () => 0 })).toMatchObject({
      kind: 'pattern',
      source: 'random',
      pattern: patterns[0],
    });
    expect(bot.answer('random', { random: () => 0.9999 })).toMatchObject({ pattern: patterns[11] });
  });

  it('today depends only on the local date, in the given zone', () => {
    const now = new Date('2026-12-01T23:30:00Z');
    const utc = bot.answer('today', { now, timeZone: 'UTC' });
    const tokyo = bot.answer('today', { now, timeZone: 'Asia/Tokyo' });
    expect(utc).toMatchObject({
      kind: 'pattern',
      source: 'today',
      date: '2026-12-01',
      pattern: bot.patternOfTheDay('2026-12-01'),
    });
    expect(tokyo).toMatchObject({ date: '2026-12-02', pattern: bot.patternOfTheDay('2026-12-02') });
  });

  it('walks through the whole catalog before any repeat, the same on every run', () => {
    const days = Array.from({ length: 24 }, (_, i) =>
      new Date(Date.UTC(2026, 11, 25 + i)).toISOString().slice(0, 10),
    );
    const first = days.slice(0, 12).map((d) => bot.patternOfTheDay(d).slug);
    expect(new Set(first).size).toBe(12);
    expect(days.slice(12).map((d) => bot.patternOfTheDay(d).slug)).toEqual(first);
    const again = createBot(realPatterns());
    expect(days.map((d) => again.patternOfTheDay(d).slug)).toEqual(
      days.map((d) => bot.patternOfTheDay(d).slug),
    );
  });

  it('does not depend on the order of the rows', () => {
    const reversed = createBot([...realPatterns()].reverse());
    expect(reversed.patternOfTheDay('2026-12-01').slug).toBe(bot.patternOfTheDay('2026-12-01').slug);
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => bot.patternOfTheDay('2026-02-30')).toThrow(RangeError);
  });

  it('daily outside a platform channel explains where it works', () => {
    expect(bot.answer('daily on')).toEqual({ kind: 'daily', outcome: 'channels-only' });
    expect(bot.answer('pattern daily enable')).toEqual({ kind: 'daily', outcome: 'channels-only' });
    expect(bot.answer('daily on 25:00')).toMatchObject({ kind: 'daily', outcome: 'invalid' });
  });

  it('help lists every command', () => {
    expect(bot.answer('help')).toEqual({ kind: 'help', commands: COMMANDS });
    expect(bot.answer('')).toEqual({ kind: 'help', commands: COMMANDS });
  });

  it('patternAnswer opens a pattern by slug, for buttons', () => {
    expect(bot.patternAnswer('saga-pattern')).toMatchObject({
      kind: 'pattern',
      pattern: { slug: 'saga-pattern' },
    });
    expect(bot.patternAnswer('no-such-pattern')).toBeUndefined();
  });

  it('refuses an empty catalog', () => {
    expect(() => createBot([])).toThrow(RangeError);
  });
});
