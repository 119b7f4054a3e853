import { expect } from 'vitest';
import { DISCORD_LIMITS as L } from '../../../src/adapters/discord/limits.js';

interface Embed {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}
interface Row {
  type: number;
  components: { type: number; custom_id?: string; label?: string }[];
}

/** Fails unless a message body keeps every limit Discord enforces on embeds and buttons. */
export function expectWithinDiscordLimits(body: {
  embeds?: Embed[];
  components?: Row[];
  content?: string;
}): void {
  const embeds = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(L.embeds);
  expect((body.content ?? '').length).toBeLessThanOrEqual(L.content);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(L.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(L.embedDescription);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(L.authorName);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(L.fieldValue);
    }
    total +=
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.author?.name ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(L.embedTotal);
  const rows = body.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(L.actionRows);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const button of row.components) {
      expect(button.type).toBe(2);
      expect(button.custom_id?.length ?? 0).toBeLessThanOrEqual(L.customId);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(L.buttonLabel);
      if (button.custom_id) {
        expect(ids.has(button.custom_id)).toBe(false);
        ids.add(button.custom_id);
      }
    }
  }
}
