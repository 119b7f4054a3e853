import { distance } from 'fastest-levenshtein';

/** Words shorter than this are never corrected: too many real words sit one letter apart. */
const MIN_TYPO_LENGTH = 3;

export interface Correction {
  readonly word: string;
  readonly distance: number;
}

function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

function deletions(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/**
 * A symmetric-delete spelling index (the SymSpell idea, one deletion on each side): finds the
 * known words within edit distance 1 (short words) or 2 of a typo without scanning the vocabulary.
 */
export class TypoIndex {
  private readonly byDeletion = new Map<string, Set<string>>();

  add(word: string): void {
    if (word.length < MIN_TYPO_LENGTH) return;
    for (const variant of deletions(word)) {
      let words = this.byDeletion.get(variant);
      if (!words) {
        words = new Set();
        this.byDeletion.set(variant, words);
      }
      words.add(word);
    }
  }

  /** The closest known words to `word`, all at the same smallest distance; empty when none is close. */
  correct(word: string): Correction[] {
    if (word.length < MIN_TYPO_LENGTH) return [];
    const limit = maxDistance(word);
    let best: Correction[] = [];
    const seen = new Set<string>();
    for (const variant of deletions(word)) {
      for (const candidate of this.byDeletion.get(variant) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const d = distance(word, candidate);
        if (d === 0 || d > Math.min(limit, maxDistance(candidate))) continue;
        if (best.length === 0 || d < (best[0]?.distance ?? Infinity))
          best = [{ word: candidate, distance: d }];
        else if (d === best[0]?.distance) best.push({ word: candidate, distance: d });
      }
    }
    return best;
  }
}
