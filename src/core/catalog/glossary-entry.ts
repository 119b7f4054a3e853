import { z } from 'zod';
import { KEBAB_CASE, line, text } from './text-rules.js';

/** One entry of `data/glossary.yaml`: a term that is not one of our patterns, and how it touches them. */
export const glossaryEntrySchema = z.strictObject({
  term: line(40),
  aliases: z.array(line(60)).max(8, 'at most 8 aliases').default([]),
  definition: text(280),
  relates: z
    .array(
      z.strictObject({
        slug: z.string().regex(KEBAB_CASE, 'must be a kebab-case pattern slug'),
        how: line(140),
      }),
    )
    .min(1, 'needs 1 to 4 related patterns')
    .max(4, 'needs 1 to 4 related patterns'),
});

/** The glossary file: a YAML list of entries. */
export const glossarySchema = z.array(glossaryEntrySchema);

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** Lower-cased term and aliases of an entry, the keys a confusion or pair note may use. */
export function glossaryKeys(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aliases].map((key) => key.trim().toLowerCase());
}
