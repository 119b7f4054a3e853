import type { CardTone } from '../../core/card/card.js';

/** Embed colours for the catalog's categories; a category not listed gets one from the palette. */
const CATEGORY_COLORS: Readonly<Record<string, number>> = {
  'Service Decomposition Pattern': 0x5865f2,
  'Communication Pattern': 0x3ba55d,
  'Enterprise Pattern': 0x99aab5,
  'Data Pattern': 0xf1c40f,
  'Deployment Pattern': 0x1abc9c,
  'Fault Tolerance Pattern': 0xed4245,
  'Migration Pattern': 0x9b59b6,
  'Transaction Pattern': 0xe67e22,
};
const PALETTE = [0x3498db, 0x2ecc71, 0xe91e63, 0x11806a, 0xa84300, 0x71368a, 0xc27c0e, 0x206694] as const;

export const NEUTRAL_COLOR = 0x4f545c;
/** A card without a category accent is coloured by its tone. */
export const TONE_COLORS: Readonly<Record<CardTone, number>> = {
  plain: NEUTRAL_COLOR,
  info: 0x5865f2,
  success: 0x57f287,
  error: 0xed4245,
};

export function categoryColor(category: string): number {
  const known = CATEGORY_COLORS[category];
  if (known !== undefined) return known;
  let hash = 0;
  for (const char of category) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? NEUTRAL_COLOR;
}
