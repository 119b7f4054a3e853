import type { APIAllowedMentions, APIEmbed, APIEmbedField } from 'discord.js';
import {
  assertNeverBlock,
  type Card,
  type CardBlock,
  type Rich,
  richToPlain,
  type Span,
} from '../../core/card/card.js';
import { type ButtonRow, cardButtonRows } from './buttons.js';
import { categoryColor, TONE_COLORS } from './colors.js';
import { escapeUserText } from './escape.js';
import { fitEmbeds } from './fit-embeds.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

/** A message body in Discord's API form: what a channel post or an interaction reply carries. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowed_mentions: APIAllowedMentions;
  /** Pictures to upload with the message, by name; the embed shows the first (`attachment://name`). */
  readonly pictures?: readonly DiscordAttachment[];
}

/** A picture the message carries: which one (`image`, a diagram's slug), its file name and its alt text. */
export interface DiscordAttachment {
  readonly image: string;
  readonly name: string;
  readonly description: string;
}

export interface CardToDiscordOptions {
  /**
   * The card is shown only to the person who asked or clicked (an ephemeral reply): its Share
   * button, when it has one, comes first so they can post it to the channel.
   */
  readonly private?: boolean;
  /** Whether a picture (a diagram by its slug) can be attached; without it an image block shows its fallback. */
  readonly canAttach?: (image: string) => boolean;
}

/** The file name a picture is uploaded under. */
export const attachmentName = (image: string) => `${image.replace(/[^a-z0-9-]/gi, '_')}.png`;

/** Only links of ours are masked: an https URL from the catalog, with nothing that could end the link early. */
const SAFE_URL = /^https:\/\/[^\s()<>]+$/;

const escapeLabel = (label: string) => escapeUserText(label).replace(/[[\]]/g, '\\$&');

/** Inline code that survives backticks in its text. */
function inlineCode(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text.replaceAll('``', '`\u200b`')} \`\``;
}

function spanToMarkdown(span: Span): string {
  if (typeof span === 'string') return escapeUserText(span);
  if ('strong' in span) return `**${escapeUserText(span.strong)}**`;
  if ('code' in span) return inlineCode(span.code);
  if ('link' in span) {
    return SAFE_URL.test(span.url) ? `[${escapeLabel(span.link)}](${span.url})` : escapeUserText(span.link);
  }
  return `<@${span.user}>`;
}

/** A line of rich text as Discord markdown: every plain string escaped, formatting spelled Discord's way. */
export function richToMarkdown(rich: Rich): string {
  return rich.map(spanToMarkdown).join('');
}

/** Text for places Discord shows as it is (author line, footer, button labels): no markdown there. */
const plain = (rich: Rich) => richToPlain(rich);

function users(rich: Rich | undefined, pinged: Set<string>): void {
  for (const span of rich ?? []) {
    if (typeof span === 'object' && 'user' in span && span.ping) pinged.add(span.user);
  }
}

/** The name of a field that goes on with the list above it: blank, since a name must not be empty. */
const CONTINUED = '\u200b';

/** Lines joined into chunks of at most `max` characters, never splitting a line that fits. */
function splitAtItems(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > max && current) {
      chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

const codeBlock = (code: string) => `\`\`\`\n${code.replaceAll('```', '`\u200b``')}\n\`\`\``;

/** The card's body: paragraphs, unlabelled lists and code into the description; labelled parts and fields as fields. */
interface Laid {
  description: string[];
  fields: APIEmbedField[];
  attachments: DiscordAttachment[];
}

function layBlocks(blocks: readonly CardBlock[], canAttach: (image: string) => boolean): Laid {
  const description: string[] = [];
  const fields: APIEmbedField[] = [];
  const attachments: DiscordAttachment[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        description.push(richToMarkdown(block.text));
        break;
      case 'fields':
        for (const field of block.fields) {
          fields.push({
            name: escapeUserText(field.label),
            value: richToMarkdown(field.value),
            ...(field.inline ? { inline: true } : {}),
          });
        }
        break;
      case 'list': {
        const items = block.items.map(richToMarkdown);
        if (!block.label) {
          description.push(items.join('\n'));
          break;
        }
        // A list longer than one field value goes on in further fields, split between items.
        splitAtItems(items, L.fieldValue).forEach((value, i) => {
          fields.push({ name: i === 0 ? escapeUserText(block.label ?? '') : CONTINUED, value });
        });
        break;
      }
      case 'columns':
        // One field a row, the two sides under each other: three inline fields a row would exceed 25.
        for (const row of block.rows) {
          fields.push({
            name: escapeUserText(row.label),
            value: row.cells
              .map((cell, i) => `**${escapeUserText(block.heads[i] ?? '')}**: ${richToMarkdown(cell)}`)
              .join('\n'),
          });
        }
        break;
      case 'code':
        if (block.label) fields.push({ name: escapeUserText(block.label), value: codeBlock(block.code) });
        else description.push(codeBlock(block.code));
        break;
      case 'image':
        // One picture an embed: a second one shows its fallback.
        if (attachments.length === 0 && canAttach(block.image)) {
          attachments.push({
            image: block.image,
            name: attachmentName(block.image),
            description: truncate(block.alt, L.attachmentDescription),
          });
        } else description.push(codeBlock(block.fallback));
        break;
      default:
        assertNeverBlock(block);
    }
  }
  return { description, fields, attachments };
}

function cardEmbed(card: Card, laid: Laid): APIEmbed {
  const { description, fields, attachments } = laid;
  const text = [...(card.subtitle ? [richToMarkdown(card.subtitle)] : []), ...description]
    .filter((part) => part !== '')
    .join('\n');
  return {
    ...(card.eyebrow ? { author: { name: card.eyebrow } } : {}),
    ...(card.title ? { title: escapeUserText(card.title) } : {}),
    ...(text ? { description: text } : {}),
    color: card.accent !== undefined ? categoryColor(card.accent) : TONE_COLORS[card.tone],
    ...(fields.length > 0 ? { fields } : {}),
    ...(attachments[0] ? { image: { url: `attachment://${attachments[0].name}` } } : {}),
    ...(card.footnote ? { footer: { text: plain(card.footnote) } } : {}),
  };
}

/**
 * A card as a Discord message: one embed (coloured by the card's category, else its tone) and rows
 * of buttons carrying the card's encoded actions, all within Discord's limits; the byline as the
 * message content. It pings nobody but the users whose span says `ping`. Pure, and it writes no
 * sentence of its own: every word comes from the card.
 */
export function cardToDiscord(card: Card, options: CardToDiscordOptions = {}): DiscordMessage {
  const pinged = new Set<string>();
  users(card.byline, pinged);
  const content = card.byline ? truncate(richToMarkdown(card.byline), L.content) : '';
  const share = options.private && card.share ? [card.share] : [];
  const laid = layBlocks(card.blocks, options.canAttach ?? (() => false));
  return {
    ...(content ? { content } : {}),
    embeds: fitEmbeds([cardEmbed(card, laid)]),
    ...(laid.attachments.length > 0 ? { pictures: laid.attachments } : {}),
    components: cardButtonRows(share, card.groups),
    allowed_mentions: { parse: [], ...(pinged.size > 0 ? { users: [...pinged] } : {}) },
  };
}
