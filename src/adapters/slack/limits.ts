/**
 * Slack's Block Kit limits, named once. The renderer truncates to them; tests check every message
 * against them. https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_MAX_BLOCKS = 50;
/** A Home tab view holds up to 100 blocks. */
export const SLACK_MAX_HOME_BLOCKS = 100;
export const SLACK_MAX_HEADER = 150;
export const SLACK_MAX_SECTION = 3000;
export const SLACK_MAX_FIELD = 2000;
/** Room for a code block's text inside a section, leaving space for its fence and label. */
export const SLACK_MAX_CODE = 2800;
export const SLACK_MAX_FIELDS = 10;
/** An image block's alt_text and a file's alt_text. */
export const SLACK_MAX_ALT_TEXT = 2000;
export const SLACK_MAX_CONTEXT_ELEMENTS = 10;
export const SLACK_MAX_BUTTON_TEXT = 75;
export const SLACK_MAX_BUTTON_VALUE = 2000;
export const SLACK_MAX_ACTION_ID = 255;
export const SLACK_MAX_ACTIONS_ELEMENTS = 25;
/** A message's top-level `text`; Slack truncates longer text. */
export const SLACK_MAX_TEXT = 40_000;
/** The most of a person's raw text (slash command, mention, DM) read at all; the rest is dropped before decoding. */
export const SLACK_MAX_INBOUND_TEXT = 4_000;

const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` UTF-16 units, never inside a surrogate pair (emoji) or an escape entity
 * such as `&amp;`, ending with an ellipsis when something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return out.replace(/&[a-z]*$/, '') + ELLIPSIS;
}

/**
 * Keeps a message inside the block limit: the body is cut so that it, a note saying how much was
 * left out, and the footer (buttons) all fit.
 */
export function fitBlocks<B>(
  body: readonly B[],
  footer: readonly B[],
  note: (left: number) => B,
  max: number,
): B[] {
  if (body.length + footer.length <= max) return [...body, ...footer];
  const room = Math.max(max - footer.length - 1, 0);
  return [...body.slice(0, room), note(body.length - room), ...footer];
}
