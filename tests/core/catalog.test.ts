import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalogFile } from '../../src/catalog-file.js';
import { createBot } from '../../src/core/bot.js';
import { formatProblem, parseCatalog } from '../../src/core/catalog.js';

const HEADER = 'code\tslug\tname\tdescription\tcategory';
const ROW_1 = '01\tsaga-pattern\tSaga Pattern\tLocal transactions.\tTransaction Pattern';
const ROW_2 = '02\toutbox-pattern\tOutbox Pattern\tReliable publishing.\tData Pattern';
const tsv = (...lines: string[]) => `${lines.join('\n')}\n`;
const problems = (text: string) => parseCatalog(text, 'cat.tsv').problems.map(formatProblem);

describe('parseCatalog', () => {
  it('loads the five seed columns alone, with empty aliases and related', () => {
    const { patterns, problems } = parseCatalog(tsv(HEADER, ROW_1, ROW_2), 'cat.tsv');
    expect(problems).toEqual([]);
    expect(patterns).toEqual([
      {
        code: '01',
        slug: 'saga-pattern',
        name: 'Saga Pattern',
        description: 'Local transactions.',
        category: 'Transaction Pattern',
        aliases: [],
        related: [],
      },
      {
        code: '02',
        slug: 'outbox-pattern',
        name: 'Outbox Pattern',
        description: 'Reliable publishing.',
        category: 'Data Pattern',
        aliases: [],
        related: [],
      },
    ]);
  });

  it('a five-column catalog answers lookups, typos and lists', () => {
    const bot = createBot(parseCatalog(tsv(HEADER, ROW_1, ROW_2), 'cat.tsv').patterns);
    expect(bot.answer('saga').kind).toBe('pattern');
    expect(bot.answer('outbx')).toMatchObject({ kind: 'pattern', pattern: { slug: 'outbox-pattern' } });
    expect(bot.answer('list')).toMatchObject({ kind: 'list' });
    expect(bot.answer('pizza').kind).toBe('none');
  });

  it('reads aliases and related as ;-separated lists, trimming blanks', () => {
    const text = tsv(
      `${HEADER}\taliases\trelated`,
      `${ROW_1}\tsagas; long running transaction ;\toutbox-pattern`,
      `${ROW_2}\t\t`,
    );
    const { patterns, problems } = parseCatalog(text, 'cat.tsv');
    expect(problems).toEqual([]);
    expect(patterns[0]?.aliases).toEqual(['sagas', 'long running transaction']);
    expect(patterns[0]?.related).toEqual(['outbox-pattern']);
    expect(patterns[1]?.aliases).toEqual([]);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const { patterns, problems } = parseCatalog(
      `\ufeff${[HEADER, ROW_1, ROW_2].join('\r\n')}\r\n`,
      'cat.tsv',
    );
    expect(problems).toEqual([]);
    expect(patterns.map((p) => p.category)).toEqual(['Transaction Pattern', 'Data Pattern']);
  });

  it('keeps a stray double quote as text', () => {
    const { patterns, problems } = parseCatalog(
      tsv(HEADER, '01\tsaga-pattern\tSaga "Pattern\tA "quoted word.\tTransaction Pattern'),
      'cat.tsv',
    );
    expect(problems).toEqual([]);
    expect(patterns[0]?.name).toBe('Saga "Pattern');
  });

  it('counts blank lines when it reports line numbers', () => {
    expect(problems(tsv(HEADER, '', ROW_1, '', '02\tx'))).toEqual([
      'cat.tsv:5: expected 5 tab-separated fields, found 2',
    ]);
  });

  it.each([
    [
      'a missing header column',
      tsv('code\tslug\tname\tcategory', '01\ta\tb\tc'),
      ['cat.tsv:1: missing header column "description"'],
    ],
    [
      'an unknown header column',
      tsv(`${HEADER}\tcolour`, `${ROW_1}\tred`),
      [
        'cat.tsv:1: unknown header column "colour" (column 6); known: code, slug, name, description, category, aliases, related',
      ],
    ],
    [
      'a duplicate header column',
      tsv(`${HEADER}\tname`, `${ROW_1}\tx`),
      ['cat.tsv:1: duplicate header column "name"'],
    ],
    [
      'too few fields',
      tsv(HEADER, ROW_1, '02\toutbox-pattern\tOutbox'),
      ['cat.tsv:3: expected 5 tab-separated fields, found 3'],
    ],
    [
      'too many fields',
      tsv(HEADER, `${ROW_1}\textra`),
      ['cat.tsv:2: expected 5 tab-separated fields, found 6'],
    ],
    [
      'an empty required field',
      tsv(HEADER, '01\tsaga-pattern\t \tLocal.\t'),
      ['cat.tsv:2: empty required fields: name, category'],
    ],
    [
      'a duplicate code',
      tsv(HEADER, ROW_1, ROW_2.replace('02', '01')),
      ['cat.tsv:3: duplicate code "01" (first on line 2)'],
    ],
    [
      'a duplicate slug',
      tsv(HEADER, ROW_1, ROW_2.replace('outbox-pattern', 'saga-pattern')),
      ['cat.tsv:3: duplicate slug "saga-pattern" (first on line 2)'],
    ],
    [
      'a slug not in kebab-case',
      tsv(HEADER, ROW_1.replace('saga-pattern', 'Saga_Pattern')),
      ['cat.tsv:2: slug "Saga_Pattern" is not kebab-case (lowercase letters, digits and single hyphens)'],
    ],
    [
      'an unknown related slug',
      tsv(`${HEADER}\trelated`, `${ROW_1}\tnope-pattern`),
      ['cat.tsv:2: related slug "nope-pattern" is not in the catalog'],
    ],
    [
      'a pattern related to itself',
      tsv(`${HEADER}\trelated`, `${ROW_1}\tsaga-pattern`),
      ['cat.tsv:2: pattern "saga-pattern" lists itself as related'],
    ],
    [
      'an empty file',
      '',
      ['cat.tsv:1: empty file: expected a header line "code\\tslug\\tname\\tdescription\\tcategory"'],
    ],
  ])('reports %s with file and line', (_label, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('collects every problem in one pass, in line order, and keeps the good rows', () => {
    const text = tsv(
      HEADER,
      ROW_1,
      'x\tBad Slug\tn\td\tc',
      '03\tok-pattern\tOK\t\tc',
      ROW_1.replace('saga-pattern', 'other-pattern'),
    );
    const result = parseCatalog(text, 'cat.tsv');
    expect(result.problems.map(formatProblem)).toEqual([
      'cat.tsv:3: slug "Bad Slug" is not kebab-case (lowercase letters, digits and single hyphens)',
      'cat.tsv:4: empty required field: description',
      'cat.tsv:5: duplicate code "01" (first on line 2)',
    ]);
    expect(result.patterns.map((p) => p.slug)).toEqual(['saga-pattern']);
  });
});

describe('loadCatalogFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));

  it('throws a CatalogError listing every problem with the file path', () => {
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, tsv(HEADER, ROW_1, ROW_1));
    expect(() => loadCatalogFile(file)).toThrow(CatalogError);
    expect(() => loadCatalogFile(file)).toThrow(`${file}:3: duplicate code "01" (first on line 2)`);
  });

  it('names a file it cannot read', () => {
    expect(() => loadCatalogFile(join(dir, 'missing.tsv'))).toThrow(/missing\.tsv:0: cannot read: ENOENT/);
  });

  it('refuses a catalog with a header and no rows', () => {
    const file = join(dir, 'empty.tsv');
    writeFileSync(file, tsv(HEADER));
    expect(() => loadCatalogFile(file)).toThrow('the catalog has no patterns');
  });
});
