import { z } from 'zod';
import { columns, DIAGRAM_CHARS, findPing, httpsUrl, KEBAB_CASE, line, text } from './text-rules.js';

// Caps. Lists render as "• item\n": every list stays under a Discord field value (1,024) and a Slack
// section (3,000); the default card and the "more" view each stay under one Slack section.
export const CAPS = {
  name: 60,
  shortName: 24,
  summary: 200,
  problem: 200,
  inPlainWords: 160,
  solution: 600,
  listItem: 140,
  renderedList: 1000,
  variantName: 40,
  variantNote: 200,
  example: 500,
  dimensionNote: 100,
  implName: 40,
  implEcosystem: 30,
  implNote: 100,
  relationNote: 140,
  confusionWith: 40,
  confusionDifference: 280,
  confusionTellApart: 140,
  myth: 120,
  fact: 240,
  diagramText: 900,
  diagramColumns: 48,
  diagramLines: 18,
  diagramDot: 3000,
  /** Alt text: under Discord's attachment description (1,024) and Slack's alt_text (2,000). */
  diagramAlt: 300,
  quizPrompt: 300,
  quizOption: 75,
  quizExplanation: 400,
  quizWhyNot: 200,
  referenceTitle: 100,
  alias: 60,
  defaultCard: 3000,
  moreView: 3000,
} as const;

export const KINDS = ['style', 'pattern'] as const;
/** The eight catalog categories (the TSV's values, now a closed list). */
export const CATEGORIES = [
  'Service Decomposition Pattern',
  'Communication Pattern',
  'Enterprise Pattern',
  'Data Pattern',
  'Transaction Pattern',
  'Deployment Pattern',
  'Migration Pattern',
  'Fault Tolerance Pattern',
] as const;
export const QUALITIES = [
  'reliability',
  'scalability',
  'consistency',
  'security',
  'operability',
  'cost',
  'evolvability',
] as const;
export const LEVELS = ['intro', 'intermediate', 'advanced'] as const;
export const DIMENSION_LEVELS = ['low', 'medium', 'high'] as const;
export const IMPLEMENTATION_KINDS = [
  'library',
  'framework',
  'product',
  'managed-service',
  'platform',
  'spec',
] as const;
export const IMPLEMENTATION_STATUSES = ['active', 'maintenance', 'deprecated', 'renamed'] as const;
export const RELATION_TYPES = [
  'requires',
  'alternative-to',
  'often-used-with',
  'complements',
  'confused-with',
  'enables',
  'variant-of',
  'part-of',
] as const;
/** Relation types that read the same both ways: each must be listed on both patterns. */
export const SYMMETRIC_RELATION_TYPES: readonly RelationType[] = [
  'alternative-to',
  'complements',
  'confused-with',
  'often-used-with',
];
export const QUIZ_TYPES = ['which-pattern', 'true-false', 'scenario', 'odd-one-out'] as const;
export const PUBLISHERS = [
  'microservices.io',
  'azure',
  'aws',
  'fowler',
  'pods',
  'vendor-docs',
  'paper',
  'book',
  'other',
] as const;
export const REFERENCE_ROLES = ['canonical', 'further'] as const;
export const LICENSES = ['cc-by-4.0', 'mit', 'apache-2.0', 'all-rights-reserved', 'unknown'] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

/** Rendered size of a bullet list: "• " before and a newline after each item. */
export function renderedListLength(items: readonly string[]): number {
  return items.reduce((sum, item) => sum + item.length + 3, 0);
}

function list(min: number, max: number) {
  return z
    .array(line(CAPS.listItem))
    .min(min, `needs at least ${min} items`)
    .max(max, `at most ${max} items`)
    .refine(
      (items) => renderedListLength(items) <= CAPS.renderedList,
      `renders to more than ${CAPS.renderedList} characters as a list`,
    );
}

const dimensionLevel = z.strictObject({
  level: z.enum(DIMENSION_LEVELS),
  note: line(CAPS.dimensionNote),
});

const implementation = z
  .strictObject({
    name: line(CAPS.implName),
    kind: z.enum(IMPLEMENTATION_KINDS),
    ecosystem: line(CAPS.implEcosystem).optional(),
    url: httpsUrl,
    status: z.enum(IMPLEMENTATION_STATUSES),
    note: line(CAPS.implNote).optional(),
  })
  .superRefine((impl, ctx) => {
    if (impl.status !== 'active' && impl.note === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: `a note is required when status is "${impl.status}" (say what to use instead or why)`,
      });
    }
  });

const relation = z.strictObject({
  slug: z.string().regex(KEBAB_CASE, 'must be a kebab-case pattern slug'),
  type: z.enum(RELATION_TYPES),
  note: line(CAPS.relationNote),
});

const confusion = z.strictObject({
  with: line(CAPS.confusionWith),
  difference: text(CAPS.confusionDifference),
  tell_apart: line(CAPS.confusionTellApart),
});

/** DOT attributes that point outside the picture (files, links, fonts): a diagram draws only itself. */
const DOT_FORBIDDEN = /\b(?:image|imagepath|shapefile|fontpath|fontnames|url|href|tooltip|target)\s*=/i;

/**
 * A Graphviz DOT source. The shape is checked here; that it really draws is checked where Graphviz
 * runs (the validate command and the start-up render), since the core loads no renderer.
 */
const dot = z
  .string()
  .max(CAPS.diagramDot, `at most ${CAPS.diagramDot} characters`)
  .superRefine((value, ctx) => {
    if (!/^\s*(?:strict\s+)?(?:di)?graph\b/i.test(value))
      ctx.addIssue({
        code: 'custom',
        message: 'must be a Graphviz source starting with "digraph" or "graph"',
      });
    const forbidden = DOT_FORBIDDEN.exec(value);
    if (forbidden)
      ctx.addIssue({
        code: 'custom',
        message: `must not set "${forbidden[0].replace(/\s*=$/, '')}": a diagram draws only itself`,
      });
    if (findPing(value) !== undefined)
      ctx.addIssue({ code: 'custom', message: 'must not contain text that could ping a channel' });
  });

const diagram = z
  .strictObject({
    /** What the picture shows, for whoever cannot see it (alt text); needed with `dot`. */
    alt: line(CAPS.diagramAlt).optional(),
    dot: dot.optional(),
    text: z
      .string()
      .max(CAPS.diagramText, `at most ${CAPS.diagramText} characters`)
      .superRefine((value, ctx) => {
        const lines = value.replace(/\n+$/, '').split('\n');
        if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        if (lines.length > CAPS.diagramLines) {
          ctx.addIssue({
            code: 'custom',
            message: `is ${lines.length} lines tall; at most ${CAPS.diagramLines}`,
          });
        }
        lines.forEach((row, index) => {
          if (columns(row) > CAPS.diagramColumns) {
            ctx.addIssue({
              code: 'custom',
              message: `line ${index + 1} is ${columns(row)} columns wide; at most ${CAPS.diagramColumns}`,
            });
          }
          if (!DIAGRAM_CHARS.test(row)) {
            ctx.addIssue({
              code: 'custom',
              message: `line ${index + 1} has a character outside ASCII, arrows and box drawing (tabs included)`,
            });
          }
        });
        if (/<!|<@|@everyone|@here/i.test(value)) {
          ctx.addIssue({ code: 'custom', message: 'must not contain text that could ping a channel' });
        }
      }),
  })
  .superRefine((value, ctx) => {
    if (value.dot !== undefined && value.alt === undefined)
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'a diagram drawn from dot needs alt text' });
  });

const quizItem = z
  .strictObject({
    id: z.string().regex(KEBAB_CASE, 'must be kebab-case'),
    type: z.enum(QUIZ_TYPES),
    prompt: text(CAPS.quizPrompt),
    options: z.array(line(CAPS.quizOption)).min(2, 'needs 2 to 4 options').max(4, 'needs 2 to 4 options'),
    answer: z.number().int('must be a whole number'),
    explanation: text(CAPS.quizExplanation),
    why_not: z.record(z.string().regex(/^\d$/, 'keys are option indexes'), line(CAPS.quizWhyNot)).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.answer < 0 || item.answer >= item.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `answer ${item.answer} is out of range: options are 0 to ${item.options.length - 1}`,
      });
    }
    const seen = new Set<string>();
    item.options.forEach((option, index) => {
      const key = option.trim().toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['options', index], message: 'duplicate option' });
      }
      seen.add(key);
    });
    for (const key of Object.keys(item.why_not ?? {})) {
      const index = Number(key);
      if (index >= item.options.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['why_not', key],
          message: `why_not ${key} names no option (options are 0 to ${item.options.length - 1})`,
        });
      } else if (index === item.answer) {
        ctx.addIssue({
          code: 'custom',
          path: ['why_not', key],
          message: 'why_not explains the right answer',
        });
      }
    }
  });

const reference = z.strictObject({
  title: line(CAPS.referenceTitle),
  url: httpsUrl,
  publisher: z.enum(PUBLISHERS),
  role: z.enum(REFERENCE_ROLES),
  license: z.enum(LICENSES).optional(),
});

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item).trim().toLowerCase();
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} "${key(item)}"` });
      seen.add(k);
    });
  };
}

/** The one schema of a pattern file, `data/patterns/<slug>.yaml`. Keys are the file's keys. */
export const patternDocSchema = z
  .strictObject({
    code: z.string().regex(/^\d{2,4}$/, 'must be two to four digits, quoted ("06")'),
    slug: z.string().max(48, 'at most 48 characters').regex(KEBAB_CASE, 'must be kebab-case'),
    name: line(CAPS.name),
    short_name: line(CAPS.shortName),
    kind: z.enum(KINDS),
    category: z.enum(CATEGORIES),
    qualities: z
      .array(z.enum(QUALITIES))
      .min(1, 'needs 1 to 4 qualities')
      .max(4, 'needs 1 to 4 qualities')
      .superRefine(uniqueBy((q: string) => q, 'quality')),
    level: z.enum(LEVELS),
    summary: line(CAPS.summary).refine((s) => /[.!?]$/.test(s.trim()), 'must be one sentence ending in "."'),
    problem: line(CAPS.problem),
    in_plain_words: line(CAPS.inPlainWords).optional(),
    solution: text(CAPS.solution),
    use_when: list(2, 5),
    avoid_when: list(2, 5),
    benefits: list(2, 5),
    costs: list(2, 6),
    variants: z
      .array(z.strictObject({ name: line(CAPS.variantName), note: line(CAPS.variantNote) }))
      .max(4, 'at most 4 variants')
      .superRefine(uniqueBy((v: { name: string }) => v.name, 'variant'))
      .optional(),
    example: text(CAPS.example),
    implementations: z
      .array(implementation)
      .min(2, 'needs 2 to 6 implementations')
      .max(6, 'needs 2 to 6 implementations')
      .superRefine(uniqueBy((i: { name: string }) => i.name, 'implementation')),
    relations: z
      .array(relation)
      .min(2, 'needs at least 2 relations')
      .superRefine(uniqueBy((r: { slug: string; type: string }) => `${r.slug} ${r.type}`, 'relation')),
    confusions: z
      .array(confusion)
      .min(1, 'needs 1 to 4 confusions')
      .max(4, 'needs 1 to 4 confusions')
      .superRefine(uniqueBy((c: { with: string }) => c.with, 'confusion')),
    misconceptions: z
      .array(z.strictObject({ myth: line(CAPS.myth), fact: text(CAPS.fact) }))
      .max(3, 'at most 3 misconceptions')
      .optional(),
    dimensions: z.strictObject({
      consistency: line(CAPS.dimensionNote),
      coupling: line(CAPS.dimensionNote),
      complexity: dimensionLevel,
      ops_cost: dimensionLevel,
      latency: line(CAPS.dimensionNote),
      failure_modes: line(CAPS.dimensionNote),
    }),
    diagram,
    quiz: z
      .array(quizItem)
      .min(2, 'needs 2 to 6 quiz items')
      .max(6, 'needs 2 to 6 quiz items')
      .superRefine(uniqueBy((q: { id: string }) => q.id, 'quiz id')),
    references: z
      .array(reference)
      .min(1, 'needs 1 to 6 references')
      .max(6, 'needs 1 to 6 references')
      .refine((refs) => refs.some((r) => r.role === 'canonical'), 'needs at least one canonical reference'),
    aliases: z
      .array(
        line(CAPS.alias).refine(
          (a) => a === a.toLowerCase(),
          'must be lower-case (search folds case anyway)',
        ),
      )
      .superRefine(uniqueBy((a: string) => a, 'alias'))
      .optional(),
    last_reviewed: z.iso.date('must be an ISO date such as "2026-12-04"'),
  })
  .superRefine((doc, ctx) => {
    const defaultCard =
      doc.summary.length +
      doc.problem.length +
      renderedListLength(doc.use_when) +
      renderedListLength(doc.avoid_when) +
      renderedListLength(doc.costs) +
      doc.implementations.map((i) => i.name).join(', ').length;
    if (defaultCard > CAPS.defaultCard) {
      ctx.addIssue({
        code: 'custom',
        message: `the default card (summary, problem, use/avoid, costs, tools) is ${defaultCard} characters; at most ${CAPS.defaultCard}`,
      });
    }
    const moreView =
      doc.solution.length +
      doc.example.length +
      renderedListLength((doc.variants ?? []).map((v) => `${v.name}: ${v.note}`)) +
      renderedListLength(doc.relations.map((r) => `${r.type} ${r.slug}: ${r.note}`)) +
      renderedListLength(doc.references.map((r) => `${r.title} ${r.url}`));
    if (moreView > CAPS.moreView) {
      ctx.addIssue({
        code: 'custom',
        message: `the "more" view (solution, variants, example, relations, references) is ${moreView} characters; at most ${CAPS.moreView}`,
      });
    }
    doc.relations.forEach((r, index) => {
      if (r.slug === doc.slug) {
        ctx.addIssue({
          code: 'custom',
          path: ['relations', index, 'slug'],
          message: 'a pattern cannot relate to itself',
        });
      }
    });
  });

export type PatternDoc = z.infer<typeof patternDocSchema>;
export type PatternRelation = PatternDoc['relations'][number];
export type PatternQuizItem = PatternDoc['quiz'][number];
export type PatternImplementation = PatternDoc['implementations'][number];
export type PatternReference = PatternDoc['references'][number];
export type PatternConfusion = PatternDoc['confusions'][number];
export type PatternDimensions = PatternDoc['dimensions'];
export type PatternDiagram = PatternDoc['diagram'];
export type Category = (typeof CATEGORIES)[number];
export type Quality = (typeof QUALITIES)[number];
