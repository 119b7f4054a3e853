import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { ButtonGroup, CardButton } from '../../core/card/card.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

type Style = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success;

function button(card: CardButton, style: Style): APIButtonComponentWithCustomId | undefined {
  if (card.action === '' || card.action.length > L.customId) return undefined;
  return {
    type: ComponentType.Button,
    style,
    label: truncate(card.label, L.buttonLabel),
    custom_id: card.action,
  };
}

const styleOf = (card: CardButton): Style =>
  card.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary;

/**
 * The card's buttons in rows of 5, at most 5 rows: the Share button first (green, as Discord marks
 * the one action that posts), then each group's buttons in order. Discord cannot label a row, so
 * group labels are left to the platforms that can. One button per custom_id (the first wins), and
 * none whose action does not fit a custom_id.
 */
export function cardButtonRows(share: readonly CardButton[], groups: readonly ButtonGroup[]): ButtonRow[] {
  const seen = new Set<string>();
  const components: APIButtonComponentWithCustomId[] = [];
  const candidates = [
    ...share.map((card) => button(card, ButtonStyle.Success)),
    ...groups.flatMap((group) => group.buttons.map((card) => button(card, styleOf(card)))),
  ];
  for (const candidate of candidates) {
    if (!candidate || seen.has(candidate.custom_id)) continue;
    seen.add(candidate.custom_id);
    components.push(candidate);
    if (components.length === L.buttonsPerRow * L.actionRows) break;
  }
  const rows: ButtonRow[] = [];
  for (let start = 0; start < components.length; start += L.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: components.slice(start, start + L.buttonsPerRow),
    });
  }
  return rows;
}
