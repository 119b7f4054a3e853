/** The longest text kept in the miss log (the store cuts at the same length). */
export const MISS_TEXT_MAX = 200;

/** Links, e-mail addresses, emoji codes and what the adapters leave of mentions: never kept. */
const STRIPPED = [
  /<[@#!][^<>\s]*>/g, // raw platform mentions: <@123>, <@!123>, <#C1>, <!here>, <@&role>
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?<![\p{L}\p{N}])[@#][\p{L}\p{N}._-]*/gu, // @name, #channel (and a bare # or @)
  /:[a-z0-9_+-]+:/gi, // emoji shortcodes (:wave:, :+1:)
  /\b\d{15,}\b/g, // Discord snowflakes
  /\b[UWBCGDTE](?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b/g, // Slack user, bot, channel and team IDs, typed out
];

/**
 * What the miss log keeps of a question: folded (lower case, accents off), without links, e-mail
 * addresses, mentions or anything shaped like a user or channel ID, white space collapsed, capped.
 * Empty when nothing is left to keep. Pure.
 */
export function missText(text: string): string {
  let kept = text.normalize('NFKC');
  for (const pattern of STRIPPED) kept = kept.replace(pattern, ' ');
  kept = kept
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut in UTF-16 units, as the store does, but never inside a surrogate pair.
  const capped = kept
    .slice(0, MISS_TEXT_MAX)
    .replace(/[\ud800-\udbff]$/, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(capped) ? capped : '';
}
