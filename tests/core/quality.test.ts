import { describe, expect, it } from 'vitest';
import { evaluateBot, loadQueries } from '../../bench/query-set.js';
import { realBot } from '../helpers/catalog.js';

const queries = loadQueries();

describe('answer quality on the benchmark query set', () => {
  it('has at least 80 queries across every group', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((q) => q.group))).toEqual(
      new Set([
        'name',
        'slug',
        'code',
        'typo',
        'abbreviation',
        'synonym',
        'question',
        'description',
        'compare',
        'category',
        'command',
        'nonsense',
      ]),
    );
  });

  it('answers at least 97% right and rejects every nonsense query', () => {
    const { misses, correct } = evaluateBot(realBot(), queries);
    const nonsenseMisses = misses.filter((m) => m.query.expect === 'none');
    expect(nonsenseMisses).toEqual([]);
    expect(correct / queries.length, JSON.stringify(misses, null, 1)).toBeGreaterThanOrEqual(0.97);
  });
});
