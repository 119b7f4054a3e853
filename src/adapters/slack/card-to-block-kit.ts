import type { types } from '@slack/bolt';
import {
  assertNeverBlock,
  type ButtonGroup,
  type Card,
  type CardBlock,
  type CardButton,
  type CardTone,
  type Rich,
  type Span,
} from '../../core/card/card.js';
import { cardToText } from '../../core/card/card-to-text.js';
import { memoByObject } from '../../core/memo-by-object.js';
import { actions, button, context, fields, header, image, type SlackBlock, section } from './blocks.js';
import { escapeSlack, userMention } from './escape.js';
import {
  fitBlocks,
  SLACK_MAX_ACTIONS_ELEMENTS,
  SLACK_MAX_BLOCKS,
  SLACK_MAX_CODE,
  SLACK_MAX_FIELDS,
  SLACK_MAX_TEXT,
  truncate,
} from './limits.js';

export interface BlockKitOptions {
  /**
   * Buttons (groups and Share). Off where clicks cannot be answered in place; a group's labels are
   * then written out instead.
   */
  readonly interactive?: boolean;
  /** Add the card's Share button (private answers); off for public posts. Needs `interactive`. */
  readonly share?: boolean;
  /** The most blocks the surface takes (50 for messages, 100 for the Home tab). */
  readonly maxBlocks?: number;
  /**
   * The public URL of a picture (a diagram by its slug), when the bot serves it; without one an image
   * block shows its text fallback.
   */
  readonly imageUrl?: (image: string) => string | undefined;
}

export interface SlackMessage {
  /** The plain-text fallback (notifications, screen readers): the core's `cardToText`, escaped. */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** The emoji a toned card's title carries (a notice); a plain card gets a header instead. */
const TONE_EMOJI: Readonly<Record<Exclude<CardTone, 'plain'>, string>> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  error: ':warning:',
};

/** A URL as Slack reads it inside `<…>`: entities escaped, no `|` (it would end the URL). */
const linkUrl = (url: string) => escapeSlack(url.replace(/\|/g, '%7C'));

function spanToMrkdwn(span: Span): string {
  if (typeof span === 'string') return escapeSlack(span);
  if ('strong' in span)
    return span.strong.trim() ? `*${escapeSlack(span.strong)}*` : escapeSlack(span.strong);
  if ('code' in span) return span.code ? `\`${escapeSlack(span.code.replace(/`/g, 'ʹ'))}\`` : '';
  if ('link' in span) {
    return /^(?:https?|mailto):/i.test(span.url)
      ? `<${linkUrl(span.url)}|${escapeSlack(span.link).replace(/\|/g, ' ')}>`
      : escapeSlack(span.link);
  }
  // Context lines never ping in Slack; a mention of anything but a real user ID is shown as text.
  return userMention(span.user) ?? escapeSlack(`@${span.user}`);
}

/** A line of rich text as escaped mrkdwn. Pure. */
export function richToMrkdwn(rich: Rich): string {
  return rich.map(spanToMrkdwn).join('');
}

const bold = (label: string) => `*${escapeSlack(label)}*`;

function codeSection(code: string, label?: string): SlackBlock {
  // Inside a code fence only the three control characters are special; ``` would end it.
  const fenced = `\`\`\`${truncate(escapeSlack(code.replace(/```/g, "''' ")), SLACK_MAX_CODE)}\`\`\``;
  return section(label ? `${bold(label)}\n${fenced}` : fenced);
}

function blockToSlack(block: CardBlock, options: BlockKitOptions): SlackBlock | SlackBlock[] {
  switch (block.type) {
    case 'text':
      return section(richToMrkdwn(block.text));
    case 'fields': {
      // A section holds at most 10 fields: more (the help's commands) go on in the next section.
      const texts = block.fields.map((field) => `${bold(field.label)}\n${richToMrkdwn(field.value)}`);
      const sections: SlackBlock[] = [];
      for (let i = 0; i < texts.length; i += SLACK_MAX_FIELDS)
        sections.push(fields(texts.slice(i, i + SLACK_MAX_FIELDS)));
      return sections;
    }
    case 'list': {
      const items = block.items.map((item) => `• ${richToMrkdwn(item)}`).join('\n');
      return section(block.label ? `${bold(block.label)}\n${items}` : items);
    }
    case 'columns':
      // Section fields sit two abreast: the heads, then each row's two sides under its label.
      return [
        fields(block.heads.map(bold)),
        ...block.rows.map((row) =>
          fields(row.cells.map((cell) => `${bold(row.label)}\n${richToMrkdwn(cell)}`)),
        ),
      ];
    case 'code':
      return codeSection(block.code, block.label);
    case 'image': {
      const url = options.imageUrl?.(block.image);
      return url ? image(url, block.alt) : codeSection(block.fallback);
    }
    default:
      return assertNeverBlock(block);
  }
}

/**
 * Content blocks are immutable and shared between answers (a pattern's first view): each renders
 * once. A picture depends on where it is served from, so it renders each time.
 */
const contentBlockToSlack = memoByObject((block: CardBlock) => blockToSlack(block, {}));
const renderBlock = (block: CardBlock, options: BlockKitOptions) =>
  block.type === 'image' ? blockToSlack(block, options) : contentBlockToSlack(block);

function buttonsOf(list: readonly CardButton[]): types.Button[] {
  return list.flatMap((b) => button(b.label, b.action, b.style === 'primary' ? 'primary' : undefined) ?? []);
}

function groupToSlack(group: ButtonGroup, interactive: boolean): SlackBlock[] {
  if (group.buttons.length === 0) return [];
  const label = group.label ? escapeSlack(group.label) : '';
  if (!interactive) {
    const names = escapeSlack(group.buttons.map((b) => b.label).join(', '));
    return [context(label ? `${label} ${names}` : names)];
  }
  const row = buttonsOf(group.buttons);
  if (row.length === 0) return label ? [context(label)] : [];
  // An actions block holds 25 buttons: a longer row (the whole catalog) wraps onto more blocks.
  const rows: SlackBlock[] = [];
  for (let i = 0; i < row.length; i += SLACK_MAX_ACTIONS_ELEMENTS) {
    rows.push(actions(row.slice(i, i + SLACK_MAX_ACTIONS_ELEMENTS)));
  }
  return [...(label ? [context(label)] : []), ...rows];
}

function headOf(card: Card): SlackBlock[] {
  const head: SlackBlock[] = [];
  if (card.byline) head.push(context(richToMrkdwn(card.byline)));
  if (card.title) {
    head.push(
      card.tone === 'plain' ? header(card.title) : section(`${TONE_EMOJI[card.tone]} ${bold(card.title)}`),
    );
  }
  const under = [
    card.subtitle ? richToMrkdwn(card.subtitle) : '',
    card.eyebrow ? escapeSlack(card.eyebrow) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  if (under) head.push(context(under));
  return head;
}

/** Where blocks were left out to stay inside the limit: a count, in no language. */
const leftOut = (left: number) => context(`… +${left}`);

/**
 * A neutral Card as a Slack message, inside Block Kit's limits. Pure and exhaustive over card blocks;
 * every word comes from the card (escaped exactly once here), none from the renderer.
 */
export function cardToBlockKit(card: Card, options: BlockKitOptions = {}): SlackMessage {
  const interactive = options.interactive ?? true;
  const body: SlackBlock[] = [
    ...headOf(card),
    ...card.blocks.flatMap((block) => renderBlock(block, options)),
    ...card.groups.flatMap((group) => groupToSlack(group, interactive)),
  ];
  const footer: SlackBlock[] = [];
  if (card.footnote) footer.push(context(richToMrkdwn(card.footnote)));
  const share =
    interactive && options.share && card.share ? buttonsOf([{ style: 'primary', ...card.share }]) : [];
  if (share.length > 0) footer.push(actions(share));
  const blocks = fitBlocks(body, footer, leftOut, options.maxBlocks ?? SLACK_MAX_BLOCKS);
  return { text: truncate(escapeSlack(cardToText(card)), SLACK_MAX_TEXT), blocks };
}
