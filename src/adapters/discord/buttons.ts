import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Pattern } from '../../core/pattern.js';
import { type ButtonAction, buttonId } from './custom-id.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface PatternButton {
  readonly pattern: Pattern;
  readonly action: ButtonAction;
  readonly style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success;
  readonly label?: string;
}

/**
 * Lays pattern buttons out in rows of 5, at most 5 rows: one button per custom_id (the first wins),
 * labels cut to 80 characters, and slugs too long for a custom_id left out.
 */
export function buttonRows(buttons: readonly PatternButton[]): ButtonRow[] {
  const seen = new Set<string>();
  const components: APIButtonComponentWithCustomId[] = [];
  for (const button of buttons) {
    const id = buttonId(button.action, button.pattern.slug);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    components.push({
      type: ComponentType.Button,
      style: button.style,
      label: truncate(button.label ?? button.pattern.name, L.buttonLabel),
      custom_id: id,
    });
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

/** Buttons that show each pattern to whoever clicks. */
export function showButtons(
  patterns: readonly Pattern[],
  style: PatternButton['style'] = ButtonStyle.Secondary,
): PatternButton[] {
  return patterns.map((pattern) => ({ pattern, action: 'show', style }));
}
