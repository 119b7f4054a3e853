import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

/** The characters of an embed that count towards Discord's 6,000 in all. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** The smallest piece of text worth showing; below this a field or description is dropped. */
const MIN_USEFUL = 16;

function fitOne(embed: APIEmbed, budget: number): APIEmbed {
  let left = budget;
  const take = (text: string | undefined, max: number): string | undefined => {
    if (text === undefined || text === '') return undefined;
    const room = Math.min(max, left);
    if (room < Math.min(MIN_USEFUL, text.length)) return undefined;
    const cut = truncate(text, room);
    left -= cut.length;
    return cut;
  };
  const title = take(embed.title, L.embedTitle);
  const authorName = take(embed.author?.name, L.authorName);
  const footerText = take(embed.footer?.text, L.footerText);
  const description = take(embed.description, L.embedDescription);
  const fields: APIEmbedField[] = [];
  for (const field of (embed.fields ?? []).slice(0, L.embedFields)) {
    const name = truncate(field.name, L.fieldName);
    if (left - name.length < MIN_USEFUL) break;
    left -= name.length;
    const value = take(field.value, L.fieldValue);
    if (value === undefined) {
      left += name.length;
      break;
    }
    fields.push({ ...field, name, value });
  }
  const { title: _t, description: _d, author, footer, fields: _f, ...rest } = embed;
  return {
    ...rest,
    ...(title !== undefined ? { title } : {}),
    ...(author && authorName !== undefined ? { author: { ...author, name: authorName } } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer && footerText !== undefined ? { footer: { ...footer, text: footerText } } : {}),
  };
}

/**
 * Truncates embeds to Discord's limits: each text to its own maximum, at most 25 fields and 10 embeds,
 * and 6,000 characters in all (earlier embeds and fields keep their text first).
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  let budget = L.embedTotal;
  const fitted: APIEmbed[] = [];
  for (const embed of embeds.slice(0, L.embeds)) {
    if (budget < MIN_USEFUL) break;
    const one = fitOne(embed, budget);
    budget -= embedLength(one);
    fitted.push(one);
  }
  return fitted;
}
