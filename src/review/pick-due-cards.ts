import { localDate } from '../daily/schedule.js';
import type { ReviewCardRow } from '../store/review-store.js';

/** The most patterns one review DM holds. */
export const REVIEW_CARDS_PER_DM = 3;

export interface DueCards {
  /** In the order shown: cards due for review (longest overdue first), then patterns never reviewed. */
  readonly due: readonly { readonly slug: string; readonly stored?: ReviewCardRow }[];
  /** Due beyond those shown. */
  readonly moreDue: number;
}

/**
 * The cards a review on local date `today` holds: a card is due when its due instant falls on or
 * before `today` in the person's zone (a card answered at 09:05 with one day to go belongs to the
 * next day's 09:00 review). Cards of patterns no longer in the catalog are left out.
 */
export function pickDueCards(
  catalogSlugs: readonly string[],
  stored: readonly ReviewCardRow[],
  today: string,
  timeZone: string,
  limit = REVIEW_CARDS_PER_DM,
): DueCards {
  const inCatalog = new Set(catalogSlugs);
  const bySlug = new Map(stored.map((card) => [card.slug, card]));
  const reviews = stored
    .filter((card) => inCatalog.has(card.slug) && localDate(card.dueAt, timeZone) <= today)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.slug.localeCompare(b.slug))
    .map((card) => ({ slug: card.slug, stored: card }));
  const fresh = catalogSlugs.filter((slug) => !bySlug.has(slug)).map((slug) => ({ slug }));
  const all = [...reviews, ...fresh];
  return { due: all.slice(0, limit), moreDue: Math.max(0, all.length - limit) };
}
