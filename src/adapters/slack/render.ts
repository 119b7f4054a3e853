import { type Answer, assertNever, type CategoryGroup, type PatternAnswer } from '../../core/answer.js';
import { answerToText, NONE_REASON_TEXT } from '../../core/answer-to-text.js';
import { COMMAND_NAME } from '../../core/commands.js';
import type { Pattern } from '../../core/pattern.js';
import {
  actions,
  button,
  context,
  fields,
  header,
  patternButtons,
  SHARE_ACTION,
  type SlackBlock,
  section,
} from './blocks.js';
import { answerToCardKey } from './card-key.js';
import { escapeSlack, md, userMention } from './escape.js';
import { fitBlocks, SLACK_MAX_BLOCKS, SLACK_MAX_TEXT, truncate } from './limits.js';

export interface SlackRenderOptions {
  /** Add a "Share in channel" button (ephemeral answers to `/pattern`). */
  readonly shareable?: boolean;
  /** Buttons that open related patterns and suggestions; off for the Home tab, which has no response_url. */
  readonly interactive?: boolean;
  /** The Slack user ID of whoever shared this card in the channel. */
  readonly sharedBy?: string;
  /** The most blocks the surface takes (50 for messages). */
  readonly maxBlocks?: number;
}

export interface SlackMessage {
  /** The plain-text fallback (notifications, screen readers), escaped. */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

const TONE_EMOJI = {
  info: ':information_source:',
  success: ':white_check_mark:',
  error: ':warning:',
} as const;

const names = (patterns: readonly Pattern[]) => patterns.map((pattern) => pattern.name).join(', ');

/** Buttons when interactive, else a line of names. */
function patternChoices(blockId: string, label: string, patterns: readonly Pattern[], interactive: boolean) {
  if (patterns.length === 0) return [];
  return interactive
    ? [context(md`${label}`), patternButtons(blockId, patterns)]
    : [context(md`${label} ${names(patterns)}`)];
}

function sourceNote(answer: PatternAnswer): string {
  if (answer.source === 'today') return md` · Pattern of the day${answer.date ? `, ${answer.date}` : ''}`;
  if (answer.source === 'random') return ' · Picked at random';
  return '';
}

function groupLines(group: CategoryGroup): string {
  return group.patterns.map((pattern) => md`• \`${pattern.code}\` ${pattern.name}`).join('\n');
}

function body(answer: Answer, interactive: boolean): SlackBlock[] {
  switch (answer.kind) {
    case 'pattern': {
      const { pattern } = answer;
      return [
        header(pattern.name),
        context(md`*${pattern.code}* · ${pattern.category}` + sourceNote(answer)),
        section(md`${pattern.description}`),
        ...patternChoices('related', 'Related patterns:', answer.related, interactive),
        ...patternChoices('alternatives', 'Did you mean:', answer.alternatives, interactive),
      ];
    }
    case 'compare': {
      const [a, b] = answer.patterns;
      return [
        header(`${a.name} vs ${b.name}`),
        context(a.category === b.category ? md`Both are ${a.category}s` : md`${a.category} vs ${b.category}`),
        fields(answer.patterns.map((p) => md`*${p.name}* (${p.code}, ${p.category})\n${p.description}`)),
        ...(interactive ? [patternButtons('compare', answer.patterns)] : []),
      ];
    }
    case 'list':
      return [
        header('All patterns, by category'),
        ...answer.groups.map((group) => section(md`*${group.category}*\n` + groupLines(group))),
      ];
    case 'category':
      return [
        header(answer.group.category),
        section(groupLines(answer.group)),
        ...(interactive ? [patternButtons('category', answer.group.patterns)] : []),
      ];
    case 'none': {
      const reason = NONE_REASON_TEXT[answer.reason];
      return [
        section(answer.reason === 'compare-needs-two' ? md`${reason}.` : md`${reason} “${answer.query}”.`),
        ...patternChoices('suggestions', 'Did you mean:', answer.suggestions, interactive),
        context(md`Try \`/${COMMAND_NAME} list\` to see every pattern, or \`/${COMMAND_NAME} help\`.`),
      ];
    }
    case 'help':
      return [
        header(`How to use /${COMMAND_NAME}`),
        section(
          answer.commands
            .map((command) => md`\`/${COMMAND_NAME} ${command.usage}\`  ${command.summary}`)
            .join('\n'),
        ),
        context(
          md`Examples: ${answer.commands.flatMap((c) => c.examples.slice(0, 1).map((e) => `/${COMMAND_NAME} ${e}`)).join(' · ')}`,
        ),
      ];
    case 'notice':
      return [
        section(`${TONE_EMOJI[answer.tone]} ${md`*${answer.title}*`}`),
        ...(answer.lines.length > 0 ? [section(answer.lines.map((line) => md`${line}`).join('\n'))] : []),
      ];
    default:
      return assertNever(answer);
  }
}

/** The plain-text fallback Slack shows in notifications: the core's text, escaped. */
function answerToSlackText(answer: Answer): string {
  return truncate(escapeSlack(answerToText(answer)), SLACK_MAX_TEXT);
}

/** Renders an answer as a Slack message, inside Slack's limits. Pure. */
export function answerToSlack(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const interactive = options.interactive ?? true;
  const footer: SlackBlock[] = [];
  const sharer = options.sharedBy && userMention(options.sharedBy);
  if (sharer) footer.push(context(`Shared by ${sharer}`));
  const key = options.shareable && interactive ? answerToCardKey(answer) : undefined;
  if (key) footer.push(actions('share', [button('Share in channel', SHARE_ACTION, key, 'primary')]));
  const blocks = fitBlocks(
    body(answer, interactive),
    footer,
    (left) => context(`…and ${left} more not shown.`),
    options.maxBlocks ?? SLACK_MAX_BLOCKS,
  );
  return { text: answerToSlackText(answer), blocks };
}
