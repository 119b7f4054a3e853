import { distance } from 'fastest-levenshtein';

/** Words shorter than this are never corrected: too many real words sit one letter apart. */
const MIN_TYPO_LENGTH = 4;

export interface Correction {
  readonly word: string;
  readonly distance: number;
}

function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** True when b is a with two neighbouring letters swapped ("cqsr" / "cqrs"): one typo, not two. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const first = [...a].findIndex((char, i) => char !== b[i]);
  return (
    first >= 0 &&
    a[first] === b[first + 1] &&
    a[first + 1] === b[first] &&
    a.slice(first + 2) === b.slice(first + 2)
  );
}

/** Levenshtein distance, counting a swap of neighbouring letters as one edit. */
function typoDistance(a: string, b: string): number {
  return isTransposition(a, b) ? 1 : distance(a, b);
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

  /** Cheap pre-check for `correct`: false when no known word can be within reach of `word`. */
  mayCorrect(word: string): boolean {
    if (word.length < MIN_TYPO_LENGTH) return false;
    if (this.byDeletion.has(word)) return true;
    for (let i = 0; i < word.length; i++) {
      if (this.byDeletion.has(word.slice(0, i) + word.slice(i + 1))) return true;
    }
    return false;
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
        const d = typoDistance(word, candidate);
        if (d === 0 || d > Math.min(limit, maxDistance(candidate))) continue;
        if (best.length === 0 || d < (best[0]?.distance ?? Infinity))
          best = [{ word: candidate, distance: d }];
        else if (d === best[0]?.distance) best.push({ word: candidate, distance: d });
      }
    }
    return best;
  }
}
