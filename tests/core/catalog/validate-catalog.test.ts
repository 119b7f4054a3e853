import { describe, expect, it } from 'vitest';
import { formatContentProblem, parseContent } from '../../../src/core/catalog/index.js';
import { asFile, COMPARISONS, GLOSSARY, validDoc, validInput } from './fixture.js';

type Input = ReturnType<typeof validInput>;
const messages = (input: Input) => parseContent(input).problems.map(formatContentProblem);
const alphaWith = (extra: Record<string, unknown>) => validDoc('alpha-pattern', '01', extra);
const betaWith = (extra: Record<string, unknown>) => validDoc('beta-pattern', '02', extra);
const rel = (slug: string, type: string) => ({ slug, type, note: 'Why.' });

describe('validateCatalog', () => {
  it('reports an unknown relation target', () => {
    const found = messages(
      validInput(
        alphaWith({
          relations: [
            rel('beta-pattern', 'complements'),
            rel('beta-pattern', 'often-used-with'),
            rel('nope-pattern', 'enables'),
          ],
        }),
      ),
    );
    expect(found).toEqual([
      expect.stringMatching(/alpha-pattern\.yaml:\d+: relations\.2\.slug: relation target "nope-pattern"/),
    ]);
  });

  it('reports a symmetric relation that is not mirrored', () => {
    const found = messages(
      validInput(
        alphaWith({ relations: [rel('beta-pattern', 'complements'), rel('beta-pattern', 'confused-with')] }),
        betaWith({ relations: [rel('alpha-pattern', 'complements'), rel('alpha-pattern', 'enables')] }),
      ),
    );
    expect(found).toEqual([
      expect.stringContaining(
        '"confused-with" reads both ways: beta-pattern (patterns/beta-pattern.yaml) must also list alpha-pattern',
      ),
    ]);
  });

  it('accepts a one-way relation such as requires or enables', () => {
    const found = messages(
      validInput(
        alphaWith({ relations: [rel('beta-pattern', 'requires'), rel('beta-pattern', 'enables')] }),
        betaWith({ relations: [rel('alpha-pattern', 'part-of'), rel('alpha-pattern', 'variant-of')] }),
      ),
    );
    expect(found).toEqual([]);
  });

  it('reports a cycle in requires', () => {
    const found = messages(
      validInput(
        alphaWith({ relations: [rel('beta-pattern', 'requires'), rel('beta-pattern', 'enables')] }),
        betaWith({ relations: [rel('alpha-pattern', 'requires'), rel('alpha-pattern', 'enables')] }),
      ),
    );
    expect(found).toEqual([
      expect.stringContaining('"requires" forms a cycle: alpha-pattern → beta-pattern → alpha-pattern'),
    ]);
  });

  it('reports a confusion term that is neither a slug nor in the glossary, and accepts an alias', () => {
    const confusion = (w: string) => [{ with: w, difference: 'D.', tell_apart: 'T.' }];
    expect(messages(validInput(alphaWith({ confusions: confusion('XA transactions') })))).toEqual([
      expect.stringContaining(
        'confusions.0.with: "XA transactions" is neither a pattern slug nor a glossary term',
      ),
    ]);
    expect(messages(validInput(alphaWith({ confusions: confusion('2PC') })))).toEqual([]);
    expect(messages(validInput(alphaWith({ confusions: confusion('beta-pattern') })))).toEqual([]);
  });

  it('reports duplicate codes, names and aliases across patterns', () => {
    expect(messages(validInput(undefined, betaWith({ code: '01' })))).toContainEqual(
      expect.stringContaining(
        'beta-pattern.yaml:1: code: duplicate code "01" (also in patterns/alpha-pattern.yaml)',
      ),
    );
    expect(messages(validInput(undefined, betaWith({ name: 'ALPHA-PATTERN name' })))).toContainEqual(
      expect.stringContaining('duplicate name "alpha-pattern name"'),
    );
    expect(messages(validInput(undefined, betaWith({ aliases: ['alpha-pattern alias'] })))).toEqual([
      expect.stringContaining('aliases.0: alias "alpha-pattern alias" is also an alias of alpha-pattern'),
    ]);
  });

  it('reports a pattern alias that is also a glossary term or alias', () => {
    expect(messages(validInput(alphaWith({ aliases: ['2pc'] })))).toEqual([
      expect.stringContaining('aliases.0: alias "2pc" is also the glossary term "two-phase commit"'),
    ]);
  });

  it('reports duplicate slugs across files', () => {
    const input = validInput();
    const dup = {
      ...input,
      patterns: [...input.patterns, { ...input.patterns[0], file: 'elsewhere/alpha-pattern.yaml' }],
    };
    expect(messages(dup as Input)).toContainEqual(expect.stringContaining('duplicate slug "alpha-pattern"'));
  });

  it('checks glossary relates, duplicate terms, and pair notes', () => {
    const glossary = [
      GLOSSARY[0],
      { term: '2PC', definition: 'Again.', relates: [{ slug: 'gamma-pattern', how: 'x' }] },
    ];
    expect(messages({ ...validInput(), glossary: asFile('glossary.yaml', glossary) })).toEqual([
      expect.stringMatching(/glossary\.yaml:\d+: 1\.term: glossary term or alias "2pc" is also entry 0/),
      expect.stringMatching(/glossary\.yaml:\d+: 1\.relates\.0\.slug: "gamma-pattern" is not a pattern slug/),
    ]);
    const notes = [
      COMPARISONS[0],
      { ...COMPARISONS[0], pair: ['beta-pattern', 'alpha-pattern'] },
      { ...COMPARISONS[0], pair: ['alpha-pattern', 'mystery'] },
      { ...COMPARISONS[0], pair: ['orchestration', '2pc'] },
      { ...COMPARISONS[0], pair: ['two-phase commit', '2PC'], within: 'alpha-pattern' },
    ];
    expect(messages({ ...validInput(), comparisons: asFile('comparisons.yaml', notes) })).toEqual([
      expect.stringMatching(
        /comparisons\.yaml:\d+: 1\.pair: the pair beta-pattern \/ alpha-pattern is already note 0/,
      ),
      expect.stringMatching(/2\.pair\.1: "mystery" is neither a pattern slug nor a glossary term/),
      expect.stringMatching(/3\.pair\.0: "orchestration" is not a pattern slug$/),
    ]);
  });

  it('does not pile follow-up problems on a file that failed to load', () => {
    const found = messages(validInput(alphaWith({ level: 'expert' })));
    expect(found).toEqual([expect.stringContaining('alpha-pattern.yaml:9: level:')]);
  });

  it('lists the first hundred problems of a file and counts the rest', () => {
    const text = Array.from({ length: 250 }, (_, i) => `key${i}: [`).join('\n');
    const { problems } = parseContent({ patterns: [{ file: 'patterns/bad.yaml', text }] });
    const own = problems.filter((p) => p.file === 'patterns/bad.yaml');
    expect(own).toHaveLength(101);
    expect(own[100]?.message).toMatch(/more problems not shown/);
  });
});
