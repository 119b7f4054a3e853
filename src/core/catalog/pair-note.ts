import { z } from 'zod';
import { KEBAB_CASE, line, text } from './text-rules.js';

export const PAIR_RELATIONS = ['alternatives', 'complements', 'different-layers'] as const;

/**
 * One curated "A vs B" note of `data/comparisons.yaml`. `a` is a pattern slug and `b` a slug or a
 * glossary term; with `within` (a pattern slug), both sides may be glossary terms naming two variants
 * of that pattern (orchestration vs choreography within the saga).
 */
export const pairNoteSchema = z.strictObject({
  pair: z.tuple([line(40), line(40)], { error: 'must be a list of exactly two names' }),
  within: z.string().regex(KEBAB_CASE, 'must be a kebab-case pattern slug').optional(),
  relation: z.enum(PAIR_RELATIONS),
  difference: text(280),
  choose_a: line(200),
  choose_b: line(200),
  together: line(200).optional(),
});

/** The comparisons file: a YAML list of pair notes. */
export const pairNotesSchema = z.array(pairNoteSchema);

export type PairNote = z.infer<typeof pairNoteSchema>;
