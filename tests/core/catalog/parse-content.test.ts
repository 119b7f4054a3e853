import { describe, expect, it } from 'vitest';
import {
  CAPS,
  formatContentProblem,
  parseContent,
  parsePatternFile,
  renderedListLength,
} from '../../../src/core/catalog/index.js';
import { asFile, GLOSSARY, validDoc, validInput } from './fixture.js';

const messages = (input: ReturnType<typeof validInput>) =>
  parseContent(input).problems.map(formatContentProblem);
const withAlpha = (extra: Record<string, unknown>) =>
  messages(validInput(validDoc('alpha-pattern', '01', extra)));
const alpha = validDoc('alpha-pattern', '01');

describe('parseContent', () => {
  it('loads a sound content set with no problems', () => {
    const content = parseContent(validInput());
    expect(content.problems).toEqual([]);
    expect(content.docs.map((d) => d.slug)).toEqual(['alpha-pattern', 'beta-pattern']);
    expect(content.glossary).toHaveLength(1);
    expect(content.comparisons).toHaveLength(1);
  });

  it('reports a field problem on the line where the field is written', () => {
    const text = asFile('x.yaml', validDoc('x', '01')).text.replace('level: intro', 'level: expert');
    const line = text.split('\n').findIndex((l) => l.startsWith('level:')) + 1;
    const { problems } = parsePatternFile(text, 'patterns/x.yaml');
    expect(problems.map(formatContentProblem)).toEqual([
      expect.stringMatching(new RegExp(`^patterns/x\\.yaml:${line}: level: `)),
    ]);
  });

  it('reports a missing required field and an unknown field by name', () => {
    const { summary: _drop, ...rest } = alpha;
    const found = messages(validInput({ ...rest, sumary: 'typo.' }));
    expect(found).toContainEqual(
      expect.stringMatching(/alpha-pattern\.yaml:\d+: summary: required field is missing/),
    );
    expect(found).toContainEqual(expect.stringMatching(/alpha-pattern\.yaml:\d+: sumary: unknown field/));
  });

  it('reports YAML syntax errors and duplicate keys with a line', () => {
    const bad = parsePatternFile('code: "01"\ncode: "02"\n', 'patterns/a.yaml').problems.map(
      formatContentProblem,
    );
    expect(bad[0]).toMatch(/^patterns\/a\.yaml:2: YAML: /);
    const broken = parsePatternFile('code: [unclosed\n', 'patterns/a.yaml').problems;
    expect(broken[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('requires slug = file name', () => {
    const found = parsePatternFile(asFile('', alpha).text, 'patterns/other.yaml').problems.map(
      formatContentProblem,
    );
    expect(found).toEqual([expect.stringContaining('must equal the file name "other"')]);
  });

  it('caps lists and single fields, and the kind/quality enums', () => {
    expect(withAlpha({ summary: `${'x'.repeat(200)}.` })).toEqual([
      expect.stringContaining('summary: at most 200'),
    ]);
    expect(withAlpha({ use_when: ['only one'] })).toEqual([
      expect.stringContaining('use_when: needs at least 2'),
    ]);
    expect(withAlpha({ avoid_when: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([
      expect.stringContaining('avoid_when: at most 5'),
    ]);
    expect(withAlpha({ kind: 'architecture' })).toEqual([expect.stringContaining('kind: ')]);
    expect(withAlpha({ qualities: ['reliability', 'reliability'] })).toEqual([
      expect.stringContaining('duplicate quality'),
    ]);
    expect(withAlpha({ summary: 'No full stop' })).toEqual([expect.stringContaining('ending in "."')]);
  });

  it('caps make every list fit a Discord field and the default card fit a Slack section', () => {
    // The per-item caps bound these by construction; the schema checks them again in case a cap grows.
    const list = (items: number) =>
      renderedListLength(Array.from({ length: items }, () => 'x'.repeat(CAPS.listItem)));
    expect(list(6)).toBeLessThanOrEqual(CAPS.renderedList);
    const tools = 6 * CAPS.implName + 5 * 2;
    expect(CAPS.summary + CAPS.problem + 2 * list(5) + list(6) + tools).toBeLessThanOrEqual(CAPS.defaultCard);
  });

  it('refuses a "more" view over budget', () => {
    const relations = Array.from({ length: 30 }, (_, i) => ({
      slug: 'beta-pattern',
      type: i % 2 ? 'enables' : 'requires',
      note: `${i}${'r'.repeat(139)}`,
    }));
    expect(withAlpha({ relations })).toContainEqual(expect.stringContaining('the "more" view'));
  });

  it('needs a note on an implementation that is not active, and https URLs', () => {
    const impls = alpha.implementations as Record<string, unknown>[];
    expect(withAlpha({ implementations: [{ ...impls[0], status: 'maintenance' }, impls[1]] })).toEqual([
      expect.stringContaining('implementations.0.note: a note is required when status is "maintenance"'),
    ]);
    expect(withAlpha({ implementations: [{ ...impls[0], url: 'http://a.example/x' }, impls[1]] })).toEqual([
      expect.stringContaining('implementations.0.url: must be an absolute https:// URL'),
    ]);
  });

  it('refuses a duplicate URL inside one pattern', () => {
    const refs = [
      { title: 'Dup', url: 'https://a.example/alpha-pattern', publisher: 'other', role: 'canonical' },
    ];
    expect(withAlpha({ references: refs })).toEqual([expect.stringContaining('is listed twice')]);
  });

  it('needs at least one canonical reference', () => {
    const refs = [{ title: 'Page', url: 'https://ref.example/a', publisher: 'other', role: 'further' }];
    expect(withAlpha({ references: refs })).toEqual([
      expect.stringContaining('needs at least one canonical'),
    ]);
  });

  it('checks quiz answers, option sizes and why_not keys', () => {
    const quiz = alpha.quiz as Record<string, unknown>[];
    expect(withAlpha({ quiz: [{ ...quiz[0], answer: 2 }, quiz[1]] })).toEqual([
      expect.stringContaining('quiz.0.answer: answer 2 is out of range'),
    ]);
    expect(withAlpha({ quiz: [{ ...quiz[0], options: ['a', 'b'.repeat(76)] }, quiz[1]] })).toEqual([
      expect.stringContaining('quiz.0.options.1: at most 75'),
    ]);
    expect(withAlpha({ quiz: [{ ...quiz[0], why_not: { '0': 'x' } }, quiz[1]] })).toEqual([
      expect.stringContaining('why_not explains the right answer'),
    ]);
    expect(withAlpha({ quiz: [{ ...quiz[0], why_not: { '3': 'x' } }, quiz[1]] })).toEqual([
      expect.stringContaining('why_not 3 names no option'),
    ]);
    expect(withAlpha({ quiz: [quiz[0]] })).toEqual([expect.stringContaining('needs 2 to 6 quiz items')]);
  });

  it('checks the diagram size and characters', () => {
    expect(withAlpha({ diagram: { text: `${'─'.repeat(49)}\n` } })).toEqual([
      expect.stringContaining('line 1 is 49 columns wide; at most 48'),
    ]);
    expect(withAlpha({ diagram: { text: 'x\n'.repeat(19) } })).toEqual([
      expect.stringContaining('is 19 lines tall; at most 18'),
    ]);
    expect(withAlpha({ diagram: { text: 'a\tb\n' } })).toEqual([expect.stringContaining('outside ASCII')]);
  });

  it('checks a DOT diagram: its shape, its length, no outside references, and alt text beside it', () => {
    const text = 'A ──▶ B\n';
    const alt = 'A leads to B.';
    expect(withAlpha({ diagram: { text, alt, dot: 'digraph { A -> B }' } })).toEqual([]);
    expect(withAlpha({ diagram: { text, dot: 'digraph { A -> B }' } })).toEqual([
      expect.stringMatching(/alpha-pattern\.yaml:\d+: diagram\.alt: a diagram drawn from dot needs alt text/),
    ]);
    expect(withAlpha({ diagram: { text, alt, dot: 'A -> B' } })).toEqual([
      expect.stringMatching(/diagram\.dot: must be a Graphviz source starting with "digraph" or "graph"/),
    ]);
    expect(withAlpha({ diagram: { text, alt, dot: 'digraph { A [image="/etc/passwd"] }' } })).toEqual([
      expect.stringContaining('diagram.dot: must not set "image"'),
    ]);
    expect(withAlpha({ diagram: { text, alt, dot: `digraph { ${'A -> B; '.repeat(400)} }` } })).toEqual([
      expect.stringContaining(`diagram.dot: at most ${CAPS.diagramDot} characters`),
    ]);
    expect(withAlpha({ diagram: { text, alt, dot: 'digraph { A [label="@here"] }' } })).toEqual([
      expect.stringContaining('diagram.dot: must not contain text that could ping'),
    ]);
  });

  it('refuses text that could ping a channel, anywhere', () => {
    for (const ping of ['<!channel>', '@everyone', '@here', '<@U123>']) {
      expect(withAlpha({ example: `Say ${ping} now.` })).toContainEqual(
        expect.stringContaining('example: must not contain'),
      );
    }
    const glossary = [{ ...GLOSSARY[0], definition: 'Ask @here.' }];
    const found = messages({ ...validInput(), glossary: asFile('glossary.yaml', glossary) });
    expect(found).toContainEqual(
      expect.stringMatching(/^glossary\.yaml:\d+: 0\.definition: must not contain/),
    );
  });
});
