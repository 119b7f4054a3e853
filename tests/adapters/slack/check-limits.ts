import {
  SLACK_MAX_ACTION_ID,
  SLACK_MAX_ACTIONS_ELEMENTS,
  SLACK_MAX_BLOCKS,
  SLACK_MAX_BUTTON_TEXT,
  SLACK_MAX_BUTTON_VALUE,
  SLACK_MAX_CONTEXT_ELEMENTS,
  SLACK_MAX_FIELD,
  SLACK_MAX_FIELDS,
  SLACK_MAX_HEADER,
  SLACK_MAX_SECTION,
  SLACK_MAX_TEXT,
} from '../../../src/adapters/slack/limits.js';

type Json = Record<string, unknown>;
const text = (value: unknown): string => String((value as Json | undefined)?.text ?? '');

/** Every way a message breaks Slack's Block Kit limits; empty when it fits. */
export function limitProblems(input: object, maxBlocks = SLACK_MAX_BLOCKS): string[] {
  const message = input as Json;
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  if (typeof message.text === 'string' && message.text.length > SLACK_MAX_TEXT)
    problems.push('text too long');
  for (const [i, block] of blocks.entries()) {
    const where = `block ${i} (${String(block.type)})`;
    if (block.type === 'header' && text(block.text).length > SLACK_MAX_HEADER)
      problems.push(`${where} header`);
    if (block.type === 'section') {
      if (text(block.text).length > SLACK_MAX_SECTION) problems.push(`${where} text`);
      const fields = (block.fields ?? []) as Json[];
      if (fields.length > SLACK_MAX_FIELDS) problems.push(`${where} ${fields.length} fields`);
      for (const field of fields) if (text(field).length > SLACK_MAX_FIELD) problems.push(`${where} field`);
    }
    if (block.type === 'context') {
      const elements = block.elements as Json[];
      if (elements.length > SLACK_MAX_CONTEXT_ELEMENTS) problems.push(`${where} elements`);
      for (const element of elements)
        if (text(element).length > SLACK_MAX_SECTION) problems.push(`${where} text`);
    }
    if (block.type === 'actions') {
      const elements = block.elements as Json[];
      if (elements.length > SLACK_MAX_ACTIONS_ELEMENTS) problems.push(`${where} ${elements.length} buttons`);
      for (const button of elements) {
        if (text(button.text).length > SLACK_MAX_BUTTON_TEXT) problems.push(`${where} button text`);
        if (String(button.value ?? '').length > SLACK_MAX_BUTTON_VALUE)
          problems.push(`${where} button value`);
        if (String(button.action_id).length > SLACK_MAX_ACTION_ID) problems.push(`${where} action_id`);
      }
    }
  }
  return problems;
}
