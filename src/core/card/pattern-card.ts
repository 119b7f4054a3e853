import type {
  PatternDiagram,
  PatternDoc,
  PatternImplementation,
  RelationType,
} from '../catalog/pattern-doc.js';
import { memoByObject } from '../memo-by-object.js';
import type { Pattern } from '../pattern.js';
import { encodeAction, type PatternView } from './action.js';
import type { ButtonGroup, Card, CardBlock, CardButton, Rich } from './card.js';
import { link, strong } from './card.js';
import { slash } from './slash.js';

/** The wording of the pattern card and its layers (More, Diagram, Compare with…). */

const KIND_LABEL = { style: 'Architecture style', pattern: 'Design pattern' } as const;
const STATUS_LABEL = {
  active: '',
  maintenance: 'in maintenance',
  deprecated: 'deprecated',
  renamed: 'renamed',
} as const;
const RELATION_LABEL: Readonly<Record<RelationType, string>> = {
  requires: 'Needs',
  'alternative-to': 'An alternative to',
  'often-used-with': 'Often used with',
  complements: 'Complements',
  'confused-with': 'Often confused with',
  enables: 'Enables',
  'variant-of': 'A variant of',
  'part-of': 'Part of',
};
const VIEW_LABEL: Readonly<Record<PatternView, string>> = {
  card: 'Back to the card',
  more: 'More',
  diagram: 'Diagram',
  'compare-with': 'Compare with…',
};
/** How many tools and costs the short first view shows. */
const FIRST_VIEW_TOOLS = 3;
const FIRST_VIEW_COSTS = 3;
/** Compare-with buttons on one card: one row. */
const MAX_COMPARE_WITH = 5;

function viewButton(slug: string, view: PatternView): CardButton | undefined {
  const action = encodeAction({ type: 'view', slug, view });
  return action ? { label: VIEW_LABEL[view], action } : undefined;
}

const VIEWS: readonly PatternView[] = ['card', 'more', 'diagram', 'compare-with'];

/** The rows of layer buttons of a pattern, by the layer shown (each row: every layer but that one). */
const viewRows = memoByObject((pattern: Pattern): Readonly<Record<PatternView, ButtonGroup[]>> => {
  const row = (shown: PatternView): ButtonGroup[] => {
    const buttons = VIEWS.filter((view) => view !== shown).flatMap(
      (view) => viewButton(pattern.slug, view) ?? [],
    );
    return buttons.length > 0 ? [{ buttons }] : [];
  };
  return {
    card: row('card'),
    more: row('more'),
    diagram: row('diagram'),
    'compare-with': row('compare-with'),
  };
});

const viewRow = (pattern: Pattern, shown: PatternView): ButtonGroup[] => viewRows(pattern)[shown];

function subtitleOf(pattern: Pattern): Rich {
  const doc = pattern.doc;
  return doc
    ? [strong(pattern.code), ` · ${KIND_LABEL[doc.kind]} · ${pattern.category} · ${doc.level}`]
    : [strong(pattern.code), ` · ${pattern.category}`];
}

/** A tool with its status when it is not active ("Hystrix (in maintenance)"). */
export function toolSpans(tool: PatternImplementation): Rich {
  const status = STATUS_LABEL[tool.status];
  return [link(tool.name, tool.url), ...(status ? [` (${status})`] : [])];
}

function joined(items: readonly Rich[], separator = ', '): Rich {
  return items.flatMap((item, i) => (i > 0 ? [separator, ...item] : [...item]));
}

/** The short, decision-shaped first view (built once per pattern). */
const firstViewBlocks = memoByObject((doc: PatternDoc): CardBlock[] => {
  return [
    { type: 'text', text: [doc.summary] },
    { type: 'text', text: [strong('The problem: '), doc.problem] },
    { type: 'list', label: 'Use it when', items: doc.use_when.map((item) => [item]) },
    { type: 'list', label: 'Avoid it when', items: doc.avoid_when.map((item) => [item]) },
    {
      type: 'list',
      label: 'What it costs',
      items: doc.costs.slice(0, FIRST_VIEW_COSTS).map((item) => [item]),
    },
    {
      type: 'text',
      text: [strong('Tools: '), ...joined(doc.implementations.slice(0, FIRST_VIEW_TOOLS).map(toolSpans))],
    },
  ];
});

/** What a picture of a pattern is, for whoever cannot see it: the alt text of every diagram. */
export function diagramAlt(name: string, alt: string): string {
  return `Diagram of ${name}. ${alt}`;
}

/** A pattern's diagram: its picture where it has a DOT source, else (and as the picture's fallback) its text. */
export function diagramBlock(slug: string, name: string, diagram: PatternDiagram): CardBlock {
  const text = diagram.text.replace(/\n+$/, '');
  return diagram.dot !== undefined && diagram.alt !== undefined
    ? { type: 'image', image: slug, alt: diagramAlt(name, diagram.alt), fallback: text }
    : { type: 'code', code: text };
}

function moreBlocks(doc: PatternDoc, nameOf: (slug: string) => string): CardBlock[] {
  const blocks: CardBlock[] = [
    { type: 'text', text: [strong('How it works'), '\n', doc.solution] },
    { type: 'text', text: [strong('Example'), '\n', doc.example] },
  ];
  if (doc.variants && doc.variants.length > 0) {
    blocks.push({
      type: 'list',
      label: 'Variants',
      items: doc.variants.map((v) => [strong(v.name), `: ${v.note}`]),
    });
  }
  blocks.push({
    type: 'list',
    label: 'How it relates',
    items: doc.relations.map((r) => [`${RELATION_LABEL[r.type]} `, strong(nameOf(r.slug)), `: ${r.note}`]),
  });
  blocks.push({
    type: 'list',
    label: 'Further reading',
    items: doc.references.map((r) => [link(r.title, r.url)]),
  });
  return blocks;
}

/** The patterns worth comparing with this one: its relations, then what it is confused with. */
export function compareTargets(
  pattern: Pattern,
  bySlug: (slug: string) => Pattern | undefined,
): { other: Pattern; why: string }[] {
  const doc = pattern.doc;
  const found: { other: Pattern; why: string }[] = [];
  const add = (slug: string, why: string) => {
    const other = bySlug(slug);
    if (other && other.slug !== pattern.slug && !found.some((f) => f.other.slug === slug))
      found.push({ other, why });
  };
  if (doc) {
    for (const confusion of doc.confusions) add(confusion.with, confusion.tell_apart);
    for (const relation of doc.relations) add(relation.slug, relation.note);
  } else {
    for (const slug of pattern.related) add(slug, '');
  }
  return found;
}

export interface PatternCardContext {
  readonly bySlug: (slug: string) => Pattern | undefined;
  /** Did-you-mean and related rows of the first view. */
  readonly extraGroups: readonly ButtonGroup[];
  readonly eyebrow?: string;
}

/** One layer of a pattern card with authored content. */
export function patternViewCard(pattern: Pattern, view: PatternView, context: PatternCardContext): Card {
  const doc = pattern.doc;
  const nameOf = (slug: string) => context.bySlug(slug)?.name ?? slug;
  const base = { tone: 'plain' as const, accent: pattern.category, subtitle: subtitleOf(pattern) };
  if (!doc) throw new RangeError(`no content for ${pattern.slug}`);
  switch (view) {
    case 'card':
      return {
        ...base,
        ...(context.eyebrow ? { eyebrow: context.eyebrow } : {}),
        title: pattern.name,
        blocks: firstViewBlocks(doc),
        groups: [...context.extraGroups, ...viewRow(pattern, 'card')],
        footnote: [slash(pattern.slug)],
      };
    case 'more':
      return {
        ...base,
        title: `${pattern.name}: more`,
        blocks: moreBlocks(doc, nameOf),
        groups: viewRow(pattern, 'more'),
      };
    case 'diagram':
      return {
        ...base,
        title: `${pattern.name}: diagram`,
        blocks: [diagramBlock(pattern.slug, pattern.name, doc.diagram)],
        groups: viewRow(pattern, 'diagram'),
      };
    case 'compare-with': {
      const targets = compareTargets(pattern, context.bySlug).slice(0, MAX_COMPARE_WITH);
      const buttons = targets.flatMap(({ other }) => {
        const action = encodeAction({ type: 'compare', slugs: [pattern.slug, other.slug] });
        return action ? [{ label: `vs ${other.doc?.short_name ?? other.name}`, action }] : [];
      });
      return {
        ...base,
        title: `Compare ${pattern.name} with…`,
        blocks: [
          {
            type: 'list',
            items: targets.map(({ other, why }) => [strong(other.name), ...(why ? [`: ${why}`] : [])]),
          },
        ],
        groups: [...(buttons.length > 0 ? [{ buttons }] : []), ...viewRow(pattern, 'compare-with')],
      };
    }
  }
}
