import { memoByObject } from '../memo-by-object.js';
import { assertNeverBlock, type Card, type CardBlock, type Rich, richToPlain } from './card.js';

export interface TextOptions {
  /** How a user span reads (default `@<id>`). */
  readonly userLabel?: (id: string) => string;
}

function blockLines(block: CardBlock, plain: (rich: Rich) => string): string[] {
  switch (block.type) {
    case 'text':
      return [plain(block.text)];
    case 'fields':
      return block.fields.map((field) => {
        const value = plain(field.value);
        return value.includes('\n')
          ? `${field.label}:\n${value.replace(/^/gm, '  ')}`
          : `${field.label}: ${value}`;
      });
    case 'list':
      return [
        ...(block.label ? [`${block.label}:`] : []),
        ...block.items.map((item) => `  • ${plain(item)}`),
      ];
    case 'columns':
      return block.rows.flatMap((row) => [
        `${row.label}:`,
        `  ${block.heads[0]}: ${plain(row.cells[0])}`,
        `  ${block.heads[1]}: ${plain(row.cells[1])}`,
      ]);
    case 'code':
      return [
        ...(block.label ? [`${block.label}:`] : []),
        ...block.code.split('\n').map((line) => `    ${line}`),
      ];
    case 'image':
      // Text has no pictures: the text form of the picture stands in.
      return block.fallback.split('\n').map((line) => `    ${line}`);
    default:
      return assertNeverBlock(block);
  }
}

const defaultBlockLines = memoByObject((block: CardBlock) => blockLines(block, (rich) => richToPlain(rich)));

/**
 * The one plain-text form of a card: the console's output, Slack's `text` fallback (notifications,
 * screen readers) and log lines. Unescaped: each platform escapes it for itself.
 */
export function cardToText(card: Card, options: TextOptions = {}): string {
  const plain = (rich: Rich) => richToPlain(rich, options.userLabel);
  // Content blocks hold no user spans, so with the default label each one's lines are made once.
  const linesOf = options.userLabel ? (block: CardBlock) => blockLines(block, plain) : defaultBlockLines;
  const lines: string[] = [];
  if (card.byline) lines.push(plain(card.byline));
  if (card.eyebrow) lines.push(card.eyebrow);
  if (card.title) lines.push(card.title);
  if (card.subtitle) lines.push(plain(card.subtitle));
  for (const block of card.blocks) lines.push(...linesOf(block));
  // A labelled row says something ("Did you mean: …"); an unlabelled one only repeats the body.
  for (const group of card.groups) {
    if (group.label) lines.push(`${group.label} ${group.buttons.map((button) => button.label).join(', ')}`);
  }
  if (card.footnote) lines.push(plain(card.footnote));
  return lines.join('\n');
}
