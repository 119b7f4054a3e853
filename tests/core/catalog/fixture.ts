import { stringify } from 'yaml';
import type { ContentText } from '../../../src/core/catalog/index.js';

/** A minimal valid pattern document as plain data; tests change one thing and expect one problem. */
export function validDoc(
  slug: string,
  code: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const other = slug === 'alpha-pattern' ? 'beta-pattern' : 'alpha-pattern';
  return {
    code,
    slug,
    name: `${slug} name`,
    short_name: `${slug.slice(0, 10)} ${code}`,
    kind: 'pattern',
    category: 'Data Pattern',
    qualities: ['reliability'],
    level: 'intro',
    summary: 'A short summary.',
    problem: 'What hurts without it.',
    solution: 'How it works.',
    use_when: ['One case.', 'Another case.'],
    avoid_when: ['One case.', 'Another case.'],
    benefits: ['One gain.', 'Another gain.'],
    costs: ['One cost.', 'Another cost.'],
    example: 'A concrete story.',
    implementations: [
      { name: 'Tool A', kind: 'library', url: `https://a.example/${slug}`, status: 'active' },
      { name: 'Tool B', kind: 'product', url: `https://b.example/${slug}`, status: 'active' },
    ],
    relations: [
      { slug: other, type: 'complements', note: 'Works beside it.' },
      { slug: other, type: 'often-used-with', note: 'Seen together.' },
    ],
    confusions: [{ with: 'two-phase commit', difference: 'They differ.', tell_apart: 'Look at locks.' }],
    dimensions: {
      consistency: 'Eventual.',
      coupling: 'Loose.',
      complexity: { level: 'low', note: 'Small.' },
      ops_cost: { level: 'medium', note: 'Some.' },
      latency: 'Async.',
      failure_modes: 'Lost messages.',
    },
    diagram: { text: 'A ──▶ B\n' },
    quiz: [
      {
        id: `${slug}-1`,
        type: 'scenario',
        prompt: 'Which one?',
        options: ['This', 'That'],
        answer: 0,
        explanation: 'Because.',
        why_not: { '1': 'Not that.' },
      },
      {
        id: `${slug}-2`,
        type: 'true-false',
        prompt: 'True?',
        options: ['True', 'False'],
        answer: 1,
        explanation: 'No.',
      },
    ],
    references: [
      { title: 'Page', url: `https://ref.example/${slug}`, publisher: 'other', role: 'canonical' },
    ],
    aliases: [`${slug} alias`],
    last_reviewed: '2026-12-04',
    ...extra,
  };
}

export const GLOSSARY = [
  {
    term: 'two-phase commit',
    aliases: ['2pc'],
    definition: 'An atomic commit protocol.',
    relates: [{ slug: 'alpha-pattern', how: 'The thing alpha avoids.' }],
  },
];

export const COMPARISONS = [
  {
    pair: ['alpha-pattern', 'beta-pattern'],
    relation: 'complements',
    difference: 'One and the other.',
    choose_a: 'When A.',
    choose_b: 'When B.',
  },
];

export function asFile(name: string, value: unknown): ContentText {
  return { file: name, text: stringify(value) };
}

export function validInput(alpha = validDoc('alpha-pattern', '01'), beta = validDoc('beta-pattern', '02')) {
  return {
    patterns: [asFile('patterns/alpha-pattern.yaml', alpha), asFile('patterns/beta-pattern.yaml', beta)],
    glossary: asFile('glossary.yaml', GLOSSARY),
    comparisons: asFile('comparisons.yaml', COMPARISONS),
  };
}
