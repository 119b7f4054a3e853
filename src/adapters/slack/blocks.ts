import type { types } from '@slack/bolt';
import {
  SLACK_MAX_ACTION_ID,
  SLACK_MAX_ACTIONS_ELEMENTS,
  SLACK_MAX_ALT_TEXT,
  SLACK_MAX_BUTTON_TEXT,
  SLACK_MAX_BUTTON_VALUE,
  SLACK_MAX_FIELD,
  SLACK_MAX_FIELDS,
  SLACK_MAX_HEADER,
  SLACK_MAX_SECTION,
  truncate,
} from './limits.js';

/** The blocks pattern-bot sends. Builders take mrkdwn that is already escaped. */
export type SlackBlock =
  | types.HeaderBlock
  | types.SectionBlock
  | types.ContextBlock
  | types.ActionsBlock
  | types.DividerBlock
  | types.ImageBlock;

export function header(text: string): types.HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, SLACK_MAX_HEADER), emoji: true },
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, SLACK_MAX_SECTION) } };
}

export function fields(mrkdwn: readonly string[]): types.SectionBlock {
  return {
    type: 'section',
    fields: mrkdwn.slice(0, SLACK_MAX_FIELDS).map((text) => ({
      type: 'mrkdwn',
      text: truncate(text, SLACK_MAX_FIELD),
    })),
  };
}

/** A picture Slack fetches from a public URL, with its alt text (plain text, no escaping). */
export function image(url: string, alt: string): types.ImageBlock {
  return { type: 'image', image_url: url, alt_text: truncate(alt, SLACK_MAX_ALT_TEXT) };
}

export function context(mrkdwn: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SLACK_MAX_SECTION) }] };
}

/** A button whose action_id and value are both the encoded action (undefined when it cannot fit). */
export function button(text: string, action: string, style?: 'primary'): types.Button | undefined {
  if (action.length > SLACK_MAX_ACTION_ID || action.length > SLACK_MAX_BUTTON_VALUE) return undefined;
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_MAX_BUTTON_TEXT), emoji: true },
    action_id: action,
    value: action,
    ...(style ? { style } : {}),
  };
}

export function actions(elements: readonly types.Button[]): types.ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, SLACK_MAX_ACTIONS_ELEMENTS) };
}
