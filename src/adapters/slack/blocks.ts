import type { types } from '@slack/bolt';
import type { Pattern } from '../../core/pattern.js';
import {
  SLACK_MAX_ACTIONS_ELEMENTS,
  SLACK_MAX_BUTTON_TEXT,
  SLACK_MAX_FIELD,
  SLACK_MAX_FIELDS,
  SLACK_MAX_HEADER,
  SLACK_MAX_SECTION,
  truncate,
} from './limits.js';

/** The blocks pattern-bot sends. Builders take mrkdwn that is already escaped (see `md`). */
export type SlackBlock =
  | types.HeaderBlock
  | types.SectionBlock
  | types.ContextBlock
  | types.ActionsBlock
  | types.DividerBlock;

/** The action_id prefix of buttons that open a pattern; the slug follows the colon. */
export const OPEN_PATTERN_ACTION = 'open_pattern';
export const SHARE_ACTION = 'share_card';

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

export function context(mrkdwn: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SLACK_MAX_SECTION) }] };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_MAX_BUTTON_TEXT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, elements: readonly types.Button[]): types.ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, SLACK_MAX_ACTIONS_ELEMENTS) };
}

/** A row of buttons that each open a pattern in place. */
export function patternButtons(blockId: string, patterns: readonly Pattern[]): types.ActionsBlock {
  return actions(
    blockId,
    patterns.map((pattern) => button(pattern.name, `${OPEN_PATTERN_ACTION}:${pattern.slug}`, pattern.slug)),
  );
}
