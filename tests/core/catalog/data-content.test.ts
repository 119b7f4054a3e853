import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../../src/content-files.js';
import { formatContentProblem } from '../../../src/core/catalog/index.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('the content in data/', () => {
  const content = loadContentDir(DATA);

  it('has no problems', () => {
    expect(content.problems.map(formatContentProblem)).toEqual([]);
  });

  it('has a glossary entry for every term the catalog leans on', () => {
    const terms = new Set(
      content.glossary.flatMap((e) => [e.term, ...e.aliases].map((t) => t.toLowerCase())),
    );
    const needed = [
      '2pc',
      'bulkhead',
      'retry with backoff',
      'service mesh',
      'esb',
      'cdc',
      'idempotent consumer',
      'read replica',
      'rate limiting',
      'load balancer',
      'reverse proxy',
      'compensating transaction',
      'partitioning',
      'dlq',
      'cqs',
      'bounded context',
      'backpressure',
      'leader election',
      'raft',
      'service discovery',
      'cache-aside',
    ];
    expect(needed.filter((t) => !terms.has(t))).toEqual([]);
  });

  it('keeps the TSV slugs: every YAML pattern is a TSV row with the same code and name', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseCatalog } = await import('../../../src/core/catalog.js');
    const tsv = parseCatalog(readFileSync(`${DATA}/patterns.tsv`, 'utf8'), 'patterns.tsv').patterns;
    for (const doc of content.docs) {
      const row = tsv.find((p) => p.slug === doc.slug);
      expect([row?.code, row?.name], doc.slug).toEqual([doc.code, doc.name]);
    }
  });
});
