import { describe, expect, it } from 'vitest';
import { parseContent, patternDocToRow } from '../../../src/core/catalog/index.js';
import type { Pattern } from '../../../src/core/pattern.js';
import { validInput } from './fixture.js';

describe('patternDocToRow', () => {
  it('gives a row the TSV code accepts: summary as description, each related slug once', () => {
    const [doc] = parseContent(validInput()).docs;
    if (!doc) throw new Error('fixture did not load');
    const row: Pattern = patternDocToRow(doc);
    expect(row).toEqual({
      code: '01',
      slug: 'alpha-pattern',
      name: 'alpha-pattern name',
      description: 'A short summary.',
      category: 'Data Pattern',
      aliases: ['alpha-pattern alias'],
      related: ['beta-pattern'],
    });
  });
});
