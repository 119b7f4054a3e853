import type { PatternQuizItem } from '../catalog/pattern-doc.js';
import type { Pattern } from '../pattern.js';
import { hash } from '../pattern-of-the-day.js';

/** How hard a pattern is, as a number to sort by: intro first. */
const LEVEL_RANK: Readonly<Record<string, number>> = { intro: 0, intermediate: 1, advanced: 2 };

/**
 * A question of the catalog, with an id that survives catalog edits well: the pattern's slug and a
 * short hash of what the question asks (prompt, options, answer). Reordering or reformatting the file
 * keeps the id; changing the question changes it, so a click on the old one is recognised as gone.
 */
export interface QuizQuestion {
  /** `<slug>~<hash>`: the store's key and, split in two, what an answer button carries. */
  readonly id: string;
  readonly slug: string;
  readonly hash: string;
  readonly pattern: Pattern;
  readonly item: PatternQuizItem;
  /** 0 intro, 1 intermediate, 2 advanced. */
  readonly level: number;
}

/** The short hash of a question's content (base 36, at most 7 characters). */
export function questionHash(item: Pick<PatternQuizItem, 'prompt' | 'options' | 'answer'>): string {
  return hash([item.prompt, ...item.options, String(item.answer)].join('\u0000')).toString(36);
}

export const questionKey = (slug: string, contentHash: string): string => `${slug}~${contentHash}`;

/** Every question of the catalog, in catalog order (patterns without authored content have none). */
export function quizQuestions(patterns: readonly Pattern[]): QuizQuestion[] {
  return patterns.flatMap((pattern) =>
    (pattern.doc?.quiz ?? []).map((item) => {
      const contentHash = questionHash(item);
      return {
        id: questionKey(pattern.slug, contentHash),
        slug: pattern.slug,
        hash: contentHash,
        pattern,
        item,
        level: LEVEL_RANK[pattern.doc?.level ?? 'intermediate'] ?? 1,
      };
    }),
  );
}

/** The questions of one pattern, by slug. */
export function questionsBySlug(questions: readonly QuizQuestion[]): Map<string, QuizQuestion[]> {
  const bySlug = new Map<string, QuizQuestion[]>();
  for (const question of questions)
    bySlug.set(question.slug, [...(bySlug.get(question.slug) ?? []), question]);
  return bySlug;
}
