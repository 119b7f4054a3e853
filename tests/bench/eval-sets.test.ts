import { describe, expect, it } from 'vitest';
import {
  type ChatLine,
  COMMON_SOURCE,
  EvalSetError,
  HOLDOUT_CHAT_RULES,
  HOLDOUT_QUESTION_RULES,
  loadChatLines,
  loadHoldoutChat,
  loadHoldoutQuestions,
  loadRealQuestions,
  MAX_TEXT_LENGTH,
  normalizeText,
  overlapProblems,
  parseChatLines,
  parseExpectation,
  parseRealQuestions,
  type RealQuestion,
  splitFor,
} from '../../bench/eval-sets.js';
import { loadCatalogFile } from '../../src/catalog-file.js';

const catalogSlugs = new Set(loadCatalogFile('data/patterns.tsv').map((p) => p.slug));
const Q_HEADER = 'id\ttext\texpect\tsplit\tsource';
const C_HEADER = 'id\ttext\tsplit\tsource';
const URL = 'https://github.com/example/repo/issues/1';
const question = (id: string, text: string, expect: string, split: string = splitFor(id), source = URL) =>
  [id, text, expect, split, source].join('\t');
const chat = (id: string, text: string, split: string = splitFor(id), source = URL) =>
  [id, text, split, source].join('\t');
const tsv = (...lines: string[]) => `${lines.join('\n')}\n`;
const questionProblems = (...lines: string[]) =>
  parseRealQuestions(tsv(Q_HEADER, ...lines), 'q.tsv', catalogSlugs).problems.map((p) => p.message);
const chatProblems = (...lines: string[]) =>
  parseChatLines(tsv(C_HEADER, ...lines), 'c.tsv').problems.map((p) => p.message);

const kindCounter = (rows: readonly RealQuestion[]) => (kind: string) =>
  rows.filter((r) => r.expect.kind === kind).length;
const commonShare = (rows: readonly ChatLine[]) =>
  rows.filter((r) => r.source === COMMON_SOURCE).length / rows.length;
function expectEveryPatternAsked(rows: readonly RealQuestion[], times: number): void {
  for (const slug of catalogSlugs)
    expect(
      rows.filter((r) => r.expect.kind === 'pattern' && r.expect.slug === slug).length,
      slug,
    ).toBeGreaterThanOrEqual(times);
}

describe('the real-questions set', () => {
  const rows = loadRealQuestions();
  const count = kindCounter(rows);

  it('loads with no problems and holds at least 200 questions', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('holds at least 40 questions outside the catalog and 20 comparisons, some with one side outside', () => {
    expect(count('none')).toBeGreaterThanOrEqual(40);
    expect(count('compare') + count('compare-out')).toBeGreaterThanOrEqual(20);
    expect(count('compare-out')).toBeGreaterThan(0);
    expect(count('compare')).toBeGreaterThan(0);
  });

  it('asks about every pattern of the catalog at least three times', () => {
    expectEveryPatternAsked(rows, 3);
  });

  it('takes every split from the id hash, about half each', () => {
    for (const row of rows) expect(row.split, row.id).toBe(splitFor(row.id));
    const tune = rows.filter((r) => r.split === 'tune').length / rows.length;
    expect(tune).toBeGreaterThan(0.35);
    expect(tune).toBeLessThan(0.65);
  });

  it('keeps texts short, unique and sourced by URL', () => {
    const texts = new Set(rows.map((r) => normalizeText(r.text)));
    expect(texts.size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect([...row.text].length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
      expect(row.source).toMatch(/^https?:\/\//);
    }
  });
});

describe('the chat-lines set', () => {
  const rows = loadChatLines();

  it('loads with no problems and holds at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('sources at least half of its lines from a page, not "common"', () => {
    expect(commonShare(rows)).toBeLessThanOrEqual(1 / 2);
  });

  it('takes every split from the id hash, about half each', () => {
    for (const row of rows) expect(row.split, row.id).toBe(splitFor(row.id));
    const tune = rows.filter((r) => r.split === 'tune').length / rows.length;
    expect(tune).toBeGreaterThan(0.35);
    expect(tune).toBeLessThan(0.65);
  });

  it('shares no text with the real questions', () => {
    const questions = new Set(loadRealQuestions().map((r) => normalizeText(r.text)));
    for (const row of rows) expect(questions.has(normalizeText(row.text)), row.text).toBe(false);
  });
});

describe('the held-out questions', () => {
  const rows = loadHoldoutQuestions();
  const count = kindCounter(rows);

  it('loads with no problems, overlaps no other set and holds at least 120 questions', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
  });

  it('mixes answerable questions, questions outside the catalog and comparisons', () => {
    expect(count('pattern') / rows.length).toBeGreaterThan(0.5);
    expect(count('none') / rows.length).toBeGreaterThan(0.2);
    expect(count('compare') + count('compare-out')).toBeGreaterThanOrEqual(10);
    expect(count('compare')).toBeGreaterThan(0);
    expect(count('compare-out')).toBeGreaterThan(0);
  });

  it('asks about every pattern of the catalog at least three times', () => {
    expectEveryPatternAsked(rows, 3);
  });

  it('holds every row out and sources it by URL', () => {
    for (const row of rows) {
      expect(row.split, row.id).toBe('holdout');
      expect(row.source).toMatch(/^https?:\/\//);
    }
  });
});

describe('the held-out chat lines', () => {
  const rows = loadHoldoutChat();

  it('loads with no problems, overlaps no other set and holds at least 100 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
  });

  it('sources at least three quarters of its lines from a page, not "common"', () => {
    expect(commonShare(rows)).toBeLessThanOrEqual(1 / 4);
  });

  it('holds every row out', () => {
    for (const row of rows) expect(row.split, row.id).toBe('holdout');
  });

  it('shares no text with any question', () => {
    const questions = new Set(
      [...loadRealQuestions(), ...loadHoldoutQuestions()].map((r) => normalizeText(r.text)),
    );
    for (const row of rows) expect(questions.has(normalizeText(row.text)), row.text).toBe(false);
  });
});

describe('the held-out rules and overlapProblems', () => {
  const heldOut = (...lines: string[]) =>
    parseRealQuestions(tsv(Q_HEADER, ...lines), 'h.tsv', catalogSlugs, HOLDOUT_QUESTION_RULES).problems.map(
      (p) => p.message,
    );

  it('accept a held-out row and reject a tune or measure split or a first-set id', () => {
    expect(heldOut(question('ho-001', 'Sagas?', 'saga-pattern', 'holdout'))).toEqual([]);
    expect(heldOut(question('ho-001', 'Sagas?', 'saga-pattern', 'tune'))).toEqual([
      'split "tune" must be holdout',
    ]);
    expect(heldOut(question('rq-001', 'Sagas?', 'saga-pattern', 'holdout'))[0]).toMatch(/must match/);
    expect(
      parseChatLines(tsv(C_HEADER, chat('hc-001', 'ok', 'measure')), 'c.tsv', HOLDOUT_CHAT_RULES).problems[0]
        ?.message,
    ).toBe('split "measure" must be holdout');
  });

  it('keep tune and measure for the first sets', () => {
    expect(questionProblems(question('rq-001', 'Sagas?', 'saga-pattern', 'holdout'))).toEqual([
      'split "holdout" must be tune or measure',
    ]);
  });

  it('name the line of a text that another set already holds, up to case and spacing', () => {
    const mine = tsv(
      Q_HEADER,
      question('ho-001', 'What is CQRS?', 'cqrs-pattern', 'holdout'),
      question('ho-002', 'Sagas?', 'saga-pattern', 'holdout'),
    );
    const other = {
      file: '/x/chat.tsv',
      text: tsv(C_HEADER, chat('cl-001', 'hello'), chat('cl-002', 'sagas? ')),
    };
    expect(overlapProblems(mine, 'h.tsv', [other])).toEqual([
      { file: 'h.tsv', line: 3, message: 'text is also in chat.tsv (line 3)' },
    ]);
    expect(overlapProblems(mine, 'h.tsv', [{ file: 'empty.tsv', text: tsv(C_HEADER) }])).toEqual([]);
  });
});

describe('splitFor', () => {
  it('is deterministic and spreads ids over both splits', () => {
    expect(splitFor('rq-001')).toBe(splitFor('rq-001'));
    const ids = Array.from({ length: 200 }, (_, i) => `x-${i}`);
    const tune = ids.filter((id) => splitFor(id) === 'tune').length;
    expect(tune).toBeGreaterThan(70);
    expect(tune).toBeLessThan(130);
  });
});

describe('parseExpectation', () => {
  it('reads a slug, none, a sorted comparison and a comparison with one side outside', () => {
    expect(parseExpectation('saga-pattern', catalogSlugs)).toEqual({ kind: 'pattern', slug: 'saga-pattern' });
    expect(parseExpectation('none', catalogSlugs)).toEqual({ kind: 'none' });
    expect(parseExpectation('compare:cqrs-pattern+event-sourcing-pattern', catalogSlugs)).toEqual({
      kind: 'compare',
      slugs: ['cqrs-pattern', 'event-sourcing-pattern'],
    });
    expect(parseExpectation('compare-out:circuit-breaker-pattern+retry', catalogSlugs)).toEqual({
      kind: 'compare-out',
      slug: 'circuit-breaker-pattern',
      outside: 'retry',
    });
  });

  it('rejects unknown slugs, unsorted or self comparisons and an outside side that is in the catalog', () => {
    expect(parseExpectation('bulkhead-pattern', catalogSlugs)).toMatch(/unknown slug/);
    expect(parseExpectation('compare:saga-pattern+cqrs-pattern', catalogSlugs)).toMatch(/sorted/);
    expect(parseExpectation('compare:saga-pattern+saga-pattern', catalogSlugs)).toMatch(/itself/);
    expect(parseExpectation('compare:saga-pattern', catalogSlugs)).toMatch(/slugA\+slugB/);
    expect(parseExpectation('compare-out:saga-pattern+outbox-pattern', catalogSlugs)).toMatch(/compare:/);
    expect(parseExpectation('compare-out:saga-pattern+', catalogSlugs)).toMatch(/outside term/);
    expect(parseExpectation('compare-out:nope+retry', catalogSlugs)).toMatch(/unknown slug/);
  });
});

describe('parseRealQuestions and parseChatLines', () => {
  it('accept well-formed rows', () => {
    expect(questionProblems(question('rq-001', 'How do sagas compensate?', 'saga-pattern'))).toEqual([]);
    expect(
      chatProblems(chat('cl-001', 'thanks!'), chat('cl-002', 'ok', splitFor('cl-002'), 'common')),
    ).toEqual([]);
  });

  it('report a wrong header, a wrong column count and a bad id', () => {
    expect(parseRealQuestions('id\ttext\n', 'q.tsv', catalogSlugs).problems[0]?.message).toMatch(/header/);
    expect(questionProblems('rq-001\tonly two')).toEqual(['expected 5 columns, got 2']);
    expect(chatProblems(chat('line-1', 'hi'))[0]).toMatch(/must match/);
  });

  it('report duplicate ids and texts that differ only in case or spacing', () => {
    const problems = questionProblems(
      question('rq-001', 'What is CQRS?', 'cqrs-pattern'),
      question('rq-001', 'Why CQRS?', 'cqrs-pattern'),
      question('rq-002', 'what  is cqrs?', 'cqrs-pattern'),
    );
    expect(problems).toEqual(['duplicate id "rq-001" (first on line 2)', 'duplicate text (first on line 2)']);
  });

  it('report a split not taken from the hash and a split that is neither tune nor measure', () => {
    const other = splitFor('rq-001') === 'tune' ? 'measure' : 'tune';
    expect(questionProblems(question('rq-001', 'Sagas?', 'saga-pattern', other))[0]).toMatch(/id's hash/);
    expect(questionProblems(question('rq-001', 'Sagas?', 'saga-pattern', 'train'))[0]).toMatch(
      /tune or measure/,
    );
  });

  it('report texts over the length limit, empty texts, unknown slugs and missing sources', () => {
    expect(questionProblems(question('rq-001', 'x'.repeat(MAX_TEXT_LENGTH + 1), 'none'))[0]).toMatch(
      /longer/,
    );
    expect(chatProblems(chat('cl-001', ''))).toContain('empty text');
    expect(questionProblems(question('rq-001', 'Bulkheads?', 'bulkhead-pattern'))).toEqual([
      'unknown slug "bulkhead-pattern"',
    ]);
    expect(
      questionProblems(question('rq-001', 'Sagas?', 'saga-pattern', splitFor('rq-001'), 'common'))[0],
    ).toMatch(/URL/);
    expect(chatProblems(chat('cl-001', 'hi', splitFor('cl-001'), 'somewhere'))[0]).toMatch(/URL or "common"/);
  });

  it('make the loaders throw an EvalSetError naming file and line', () => {
    const error = new EvalSetError([{ file: 'q.tsv', line: 3, message: 'empty text' }]);
    expect(error.message).toContain('q.tsv:3: empty text');
  });
});
