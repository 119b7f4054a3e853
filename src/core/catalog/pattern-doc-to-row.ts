import type { PatternDoc } from './pattern-doc.js';

/**
 * The fields of a catalog row (the shape of `Pattern` in `src/core/pattern.ts`), so YAML documents can
 * feed the existing search and list code unchanged. `description` is the summary; `related` lists
 * each related slug once, in the document's order.
 */
export interface PatternRow {
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly aliases: readonly string[];
  readonly related: readonly string[];
}

export function patternDocToRow(doc: PatternDoc): PatternRow {
  return {
    code: doc.code,
    slug: doc.slug,
    name: doc.name,
    description: doc.summary,
    category: doc.category,
    aliases: doc.aliases ?? [],
    related: [...new Set(doc.relations.map((relation) => relation.slug))],
  };
}
