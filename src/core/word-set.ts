/**
 * A set of words built from a newline-separated ASCII list, kept as 32-bit hashes in one
 * open-addressing table instead of a `Set<string>`: the English list (about 275,000 words) then costs
 * 2 MB and tens of milliseconds to build, not 23 MB and half a second, which matters for a bot whose
 * memory budget is a few megabytes over its platform library's. A hash collision (about 1 in 15,000
 * lookups of a word not in the list) makes an unknown word look known: at worst a typo is not corrected.
 */
export interface WordSet {
  has(word: string): boolean;
  readonly size: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NEWLINE = 10;
const RETURN = 13;

export function createWordSet(list: Uint8Array): WordSet {
  let lines = 1;
  for (let i = 0; i < list.length; i++) if (list[i] === NEWLINE) lines++;
  let capacity = 1024;
  while (capacity < lines * 1.5) capacity *= 2; // 2^19 slots (2 MB) for the English list: half full
  const slots = new Uint32Array(capacity);
  const mask = capacity - 1;
  let size = 0;
  let h = FNV_OFFSET;
  let length = 0;
  for (let i = 0; i <= list.length; i++) {
    const byte = i < list.length ? (list[i] as number) : NEWLINE;
    if (byte === RETURN) continue;
    if (byte !== NEWLINE) {
      h = Math.imul(h ^ byte, FNV_PRIME);
      length++;
      continue;
    }
    if (length > 0) {
      const key = h >>> 0 || 1; // 0 marks an empty slot
      let slot = key & mask;
      while (slots[slot] !== 0 && slots[slot] !== key) slot = (slot + 1) & mask;
      if (slots[slot] === 0) {
        slots[slot] = key;
        size++;
      }
    }
    h = FNV_OFFSET;
    length = 0;
  }
  return {
    size,
    has(word) {
      if (word.length === 0) return false;
      let hw = FNV_OFFSET;
      for (let i = 0; i < word.length; i++) hw = Math.imul(hw ^ word.charCodeAt(i), FNV_PRIME);
      const key = hw >>> 0 || 1;
      for (let slot = key & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
        if (slots[slot] === key) return true;
      }
      return false;
    },
  };
}
