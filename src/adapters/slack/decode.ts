import { SLACK_MAX_INBOUND_TEXT } from './limits.js';

/**
 * Slack's message markup, read once at the boundary: message and slash-command text arrive with `&`,
 * `<` and `>` escaped and with mentions, channels, groups, special mentions, dates and links in angle
 * brackets. https://docs.slack.dev/messaging/formatting-message-text
 */
const TOKEN = /<([^<>]*)>|&(amp|lt|gt);/g;
const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITY[name] ?? '');

/** A word for a label that may itself start with the sigil (`<!subteam^S1|@team>`). */
const tagged = (sigil: '@' | '#', label: string | undefined, fallback: string) => {
  const word = label === undefined ? '' : decodeEntities(label).trim().replace(/^[@#]/, '');
  return `${sigil}${word || fallback}`;
};

function decodeToken(inner: string, botUserId: string | undefined): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) {
    // <@U123> or <@U123|alice>: the bot's own mention is removed, others become a neutral word.
    return botUserId !== undefined && target.slice(1) === botUserId ? ' ' : tagged('@', label, 'user');
  }
  if (target.startsWith('#')) return tagged('#', label, 'channel');
  if (target.startsWith('!')) {
    const command = target.slice(1);
    if (command.startsWith('subteam^')) return tagged('@', label, 'group');
    if (command === 'channel' || command === 'here' || command === 'everyone') return `@${command}`;
    // <!date^…|fallback> and anything newer: what Slack itself shows when it cannot render it.
    return label === undefined ? ' ' : decodeEntities(label);
  }
  // A link: <https://x|label>, <https://x>, <mailto:a@b.c|a@b.c>.
  if (label !== undefined && label.trim() !== '') return decodeEntities(label);
  return decodeEntities(target.replace(/^mailto:/, ''));
}

/** Cuts the raw text before any work, never inside a surrogate pair, dropping a markup token left open by the cut. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const head = text.slice(0, end);
  const open = head.lastIndexOf('<');
  return open > head.lastIndexOf('>') ? head.slice(0, open) : head;
}

/**
 * Slack markup to the plain text a person meant: the raw text is capped first (a 400 KB DM costs
 * nothing), the bot's own mention removed, other mentions turned into `@name` / `#name` words (the core
 * ignores words that start with @ or #), links into their label (or URL), entities decoded — each in
 * one pass, so `&amp;lt;` becomes `&lt;`, never `<`. Pure.
 */
export function decodeSlackText(
  text: unknown,
  botUserId?: string,
  max: number = SLACK_MAX_INBOUND_TEXT,
): string {
  if (typeof text !== 'string') return '';
  return cap(text, max)
    .replace(TOKEN, (_, inner: string | undefined, entity: string | undefined) =>
      inner !== undefined ? decodeToken(inner, botUserId) : (ENTITY[entity ?? ''] ?? ''),
    )
    .replace(/\s+/g, ' ')
    .trim();
}
