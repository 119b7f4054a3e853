import type { CompareAnswer } from '../answer.js';
import type { PatternDoc } from '../catalog/pattern-doc.js';
import type { Pattern } from '../pattern.js';
import type { Card, CardBlock, Rich } from './card.js';
import { strong } from './card.js';
import { toolSpans } from './pattern-card.js';

/** The wording of a comparison: the same rows for every pair, then the curated note. */

const shortName = (pattern: Pattern) => pattern.doc?.short_name ?? pattern.name;

/** The fixed rows, in order: what each pattern solves, then the dimensions every pattern fills. */
const ROWS: readonly { label: string; cell: (doc: PatternDoc) => Rich }[] = [
  { label: 'Solves', cell: (doc) => [doc.problem] },
  { label: 'Consistency', cell: (doc) => [doc.dimensions.consistency] },
  { label: 'Coupling', cell: (doc) => [doc.dimensions.coupling] },
  {
    label: 'Complexity',
    cell: (doc) => [strong(doc.dimensions.complexity.level), `: ${doc.dimensions.complexity.note}`],
  },
  {
    label: 'Operational cost',
    cell: (doc) => [strong(doc.dimensions.ops_cost.level), `: ${doc.dimensions.ops_cost.note}`],
  },
  { label: 'Latency', cell: (doc) => [doc.dimensions.latency] },
  { label: 'Failure modes', cell: (doc) => [doc.dimensions.failure_modes] },
];

function tools(doc: PatternDoc): Rich {
  return doc.implementations.slice(0, 2).flatMap((tool, i) => [...(i > 0 ? [', '] : []), ...toolSpans(tool)]);
}

/** The one-line difference: the curated note's, else a confusion entry's, else a relation's why. */
function difference(answer: CompareAnswer): string | undefined {
  const [a, b] = answer.patterns;
  if (answer.note) return answer.note.difference;
  const confusion =
    a.doc?.confusions.find((c) => c.with === b.slug) ?? b.doc?.confusions.find((c) => c.with === a.slug);
  if (confusion) return confusion.difference;
  return answer.relations?.[0]?.note;
}

/** A comparison of two patterns with content: a real table when they relate, else their two problems. */
export function compareCard(answer: CompareAnswer, fallback: () => Card): Card {
  const [a, b] = answer.patterns;
  if (!a.doc || !b.doc) return fallback();
  const docs: readonly [PatternDoc, PatternDoc] = [a.doc, b.doc];
  const base = {
    tone: 'plain' as const,
    ...(a.category === b.category ? { accent: a.category } : {}),
    title: `${a.name} vs ${b.name}`,
  };
  const line = difference(answer);
  if (!line) {
    return {
      ...base,
      subtitle: ['These two solve different problems, so they are not alternatives.'],
      blocks: [
        {
          type: 'fields',
          fields: answer.patterns.map((p, i) => ({
            label: `${p.name} solves`,
            value: [docs[i]?.problem ?? ''],
            inline: true,
          })),
        },
      ],
      groups: [],
    };
  }
  const heads: readonly [string, string] = [shortName(a), shortName(b)];
  const choose: readonly [Rich, Rich] = answer.note
    ? [[answer.note.chooseFirst], [answer.note.chooseSecond]]
    : [[docs[0].use_when[0] ?? ''], [docs[1].use_when[0] ?? '']];
  const blocks: CardBlock[] = [
    {
      type: 'columns',
      heads,
      rows: [
        ...ROWS.map((row) => ({ label: row.label, cells: [row.cell(docs[0]), row.cell(docs[1])] as const })),
        { label: 'Choose it when', cells: choose },
        { label: 'Tools', cells: [tools(docs[0]), tools(docs[1])] },
      ],
    },
  ];
  if (answer.note?.together)
    blocks.push({ type: 'text', text: [strong('Use both when: '), answer.note.together] });
  return { ...base, subtitle: [line], blocks, groups: [] };
}
