import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { PatternAnswer } from '../../core/answer.js';
import { COMMAND_NAME } from '../../core/commands.js';
import { categoryColor } from './colors.js';

const SHOWN_ALIASES = 8;

/** The pattern card: name, description, category colour, category and code, aliases, related. */
export function patternEmbed(answer: PatternAnswer): APIEmbed {
  const { pattern } = answer;
  const fields: APIEmbedField[] = [
    { name: 'Category', value: pattern.category, inline: true },
    { name: 'Code', value: pattern.code, inline: true },
  ];
  if (pattern.aliases.length > 0) {
    const shown = pattern.aliases.slice(0, SHOWN_ALIASES).join(', ');
    const more = pattern.aliases.length > SHOWN_ALIASES ? ', …' : '';
    fields.push({ name: 'Also known as', value: `${shown}${more}` });
  }
  if (answer.related.length > 0) {
    fields.push({ name: 'Related', value: answer.related.map((p) => p.name).join(', ') });
  }
  if (answer.alternatives.length > 0) {
    fields.push({ name: 'Did you mean', value: answer.alternatives.map((p) => p.name).join(', ') });
  }
  return {
    ...(answer.source === 'today'
      ? { author: { name: `Pattern of the day${answer.date ? ` · ${answer.date}` : ''}` } }
      : {}),
    title: pattern.name,
    description: pattern.description,
    color: categoryColor(pattern.category),
    fields,
    footer: { text: `/${COMMAND_NAME} ${pattern.slug}` },
  };
}
