import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatContentProblem,
  parseComparisonsFile,
  parsePatternFile,
} from '../../../src/core/catalog/index.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

/** The comparisons people ask for most; each must have a curated note, in either order. */
const CLASSIC_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['saga-pattern', '2PC'],
  ['cqrs-pattern', 'event-sourcing-pattern'],
  ['api-gateway-pattern', 'service mesh'],
  ['service-oriented-architecture', 'microservices-architecture'],
  ['outbox-pattern', 'event-sourcing-pattern'],
  ['orchestration', 'choreography'],
  ['circuit-breaker-pattern', 'retry'],
  ['sharding-pattern', 'partitioning'],
  ['api-gateway-pattern', 'load balancer'],
  ['sidecar-pattern', 'service mesh'],
  ['strangler-fig-pattern', 'big-bang rewrite'],
];

const key = (a: string, b: string) => [a.toLowerCase(), b.toLowerCase()].sort().join(' | ');

function comparisons() {
  const file = `${DATA}/comparisons.yaml`;
  return parseComparisonsFile(readFileSync(file, 'utf8'), file);
}

describe('data/comparisons.yaml', () => {
  it('parses with no problems', () => {
    expect(comparisons().problems.map(formatContentProblem)).toEqual([]);
  });

  it('has a curated note for every classic pair', () => {
    const notes = comparisons().parsed?.value ?? [];
    const have = new Set(notes.map((note) => key(...note.pair)));
    const missing = CLASSIC_PAIRS.filter(([a, b]) => !have.has(key(a, b)));
    expect(missing).toEqual([]);
  });

  it('models orchestration vs choreography as two variants within the saga', () => {
    const notes = comparisons().parsed?.value ?? [];
    const note = notes.find((n) => key(...n.pair) === key('orchestration', 'choreography'));
    expect(note?.within).toBe('saga-pattern');
  });
});

describe('patterns 07 to 12', () => {
  const slugs = [
    'outbox-pattern',
    'sidecar-pattern',
    'strangler-fig-pattern',
    'circuit-breaker-pattern',
    'sharding-pattern',
    'event-sourcing-pattern',
  ];

  it.each(slugs)('%s.yaml passes every per-file rule', (slug) => {
    const file = `${DATA}/patterns/${slug}.yaml`;
    const result = parsePatternFile(readFileSync(file, 'utf8'), file);
    expect(result.problems.map(formatContentProblem)).toEqual([]);
    expect(result.parsed?.value.slug).toBe(slug);
  });

  it('flags products that are no longer plain "active" with a note saying what changed', () => {
    const statuses = slugs.flatMap((slug) => {
      const file = `${DATA}/patterns/${slug}.yaml`;
      const doc = parsePatternFile(readFileSync(file, 'utf8'), file).parsed?.value;
      return (doc?.implementations ?? []).map((impl) => [impl.name, impl.status] as const);
    });
    expect(statuses).toContainEqual(['Netflix Hystrix', 'maintenance']);
    expect(statuses).toContainEqual(['KurrentDB', 'renamed']);
  });
});
