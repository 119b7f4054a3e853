import { describe, expect, it } from 'vitest';
import { compareSplits, parseIntent } from '../../src/core/intent.js';

describe('parseIntent', () => {
  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['help', 'help'],
    ['/pattern help', 'help'],
    ['?', 'help'],
    ['list', 'list'],
    ['LIST', 'list'],
    ['show all patterns', 'list'],
    ['categories', 'list'],
    ['random', 'random'],
    ['surprise me!', 'random'],
    ['today', 'today'],
    ["today's pattern", 'today'],
    ['pattern of the day', 'today'],
    ['daily', 'daily'],
    ['daily on 09:00 UTC', 'daily'],
  ])('%j → %s', (text, type) => {
    expect(parseIntent(text).type).toBe(type);
  });

  it('reads category names', () => {
    expect(parseIntent('category data')).toEqual({ type: 'category', query: 'data' });
    expect(parseIntent('/pattern Category  Fault Tolerance')).toEqual({
      type: 'category',
      query: 'fault tolerance',
    });
  });

  it.each([
    ['compare cqrs with event sourcing', [['cqrs', 'event sourcing']]],
    ['compare saga and outbox', [['saga', 'outbox']]],
    ['event-driven vs. SOA', [['event-driven', 'soa']]],
    ['microservices versus soa', [['microservices', 'soa']]],
    ['how does sharding differ from CQRS?', [['sharding', 'cqrs']]],
    ['difference between the api gateway and a sidecar', [['api gateway', 'sidecar']]],
    ['what is the difference between saga and 2pc', [['saga', '2pc']]],
    ['should I use saga or outbox?', [['saga', 'outbox']]],
    ['saga compared to outbox', [['saga', 'outbox']]],
  ])('%j is a comparison', (text, splits) => {
    expect(parseIntent(text)).toMatchObject({ type: 'compare', splits });
  });

  it('offers every split of "compare a b c" when there is no separator word', () => {
    expect(parseIntent('compare circuit breaker saga')).toMatchObject({
      type: 'compare',
      splits: [
        ['circuit', 'breaker saga'],
        ['circuit breaker', 'saga'],
      ],
    });
    expect(compareSplits('saga')).toEqual([]);
  });

  it('a bare "compare" has no sides', () => {
    expect(parseIntent('compare')).toEqual({ type: 'compare', query: 'compare', splits: [] });
  });

  it('everything else is a lookup, folded and stripped of the /pattern prefix', () => {
    expect(parseIntent('/pattern  What’s a SIDECAR?')).toEqual({
      type: 'lookup',
      query: 'what is a sidecar',
    });
    expect(parseIntent('saga')).toEqual({ type: 'lookup', query: 'saga' });
  });

  it('never throws on odd input', () => {
    for (const text of [
      '\u0000',
      '🙂🙂',
      'مرحبا بالعالم',
      'vs',
      'compare vs',
      ' vs saga',
      'x'.repeat(5000),
      '\\',
      '(((',
      '[a-z]+',
    ]) {
      expect(() => parseIntent(text)).not.toThrow();
    }
  });
});
