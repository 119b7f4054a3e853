import { type APIAllowedMentions, type APIEmbed, type APIEmbedField, ButtonStyle } from 'discord.js';
import { type Answer, assertNever, type CategoryGroup } from '../../core/answer.js';
import { NONE_REASON_TEXT } from '../../core/answer-to-text.js';
import { COMMAND_NAME } from '../../core/commands.js';
import type { Pattern } from '../../core/pattern.js';
import { type ButtonRow, buttonRows, type PatternButton, showButtons } from './buttons.js';
import { categoryColor, NEUTRAL_COLOR, TONE_COLORS } from './colors.js';
import { escapeUserText } from './escape.js';
import { fitEmbeds } from './fit-embeds.js';
import { patternEmbed } from './pattern-embed.js';

/** A message body in Discord's API form: what a channel post or an interaction reply carries. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowed_mentions: APIAllowedMentions;
}

export interface DiscordRenderOptions {
  /** Addresses the answer to this user ("for @user"); the only mention the message may ping. */
  readonly forUserId?: string;
  /** Adds a Share button that posts the pattern to the channel (on a privately shown pattern). */
  readonly share?: boolean;
  /** Says who shared the answer ("Shared by @user"), without pinging them. */
  readonly sharedBy?: string;
}

export { escapeUserText } from './escape.js';

const code = (pattern: Pattern) => `\`${pattern.code}\``;
const patternLine = (pattern: Pattern) => `${code(pattern)} ${pattern.name}`;

function groupField(group: CategoryGroup): APIEmbedField {
  return { name: group.category, value: group.patterns.map(patternLine).join('\n') };
}

function render(
  answer: Answer,
  options: DiscordRenderOptions,
): { embeds: APIEmbed[]; buttons: PatternButton[] } {
  switch (answer.kind) {
    case 'pattern': {
      const share: PatternButton[] = options.share
        ? [
            {
              pattern: answer.pattern,
              action: 'share',
              style: ButtonStyle.Success,
              label: 'Share in channel',
            },
          ]
        : [];
      return {
        embeds: [patternEmbed(answer)],
        buttons: [
          ...share,
          ...showButtons(answer.alternatives, ButtonStyle.Primary),
          ...showButtons(answer.related),
        ],
      };
    }
    case 'compare': {
      const [a, b] = answer.patterns;
      const same = a.category === b.category;
      const side = (p: Pattern): APIEmbedField => ({
        name: p.name,
        value: `${p.description}\n*${p.category}* · ${code(p)}`,
        inline: true,
      });
      return {
        embeds: [
          {
            title: `${a.name} vs ${b.name}`,
            description: same ? `Both are ${a.category}s.` : `${a.category} vs ${b.category}.`,
            color: same ? categoryColor(a.category) : NEUTRAL_COLOR,
            fields: [side(a), side(b)],
          },
        ],
        buttons: showButtons(answer.patterns),
      };
    }
    case 'list': {
      const count = answer.groups.reduce((sum, group) => sum + group.patterns.length, 0);
      return {
        embeds: [
          {
            title: 'All patterns, by category',
            description: `${count} patterns. Pick one below, or try \`/${COMMAND_NAME} <name>\`.`,
            color: NEUTRAL_COLOR,
            fields: answer.groups.map(groupField),
          },
        ],
        buttons: showButtons(answer.groups.flatMap((group) => group.patterns)),
      };
    }
    case 'category':
      return {
        embeds: [
          {
            title: answer.group.category,
            description: answer.group.patterns
              .map((p) => `${code(p)} **${p.name}**: ${p.description}`)
              .join('\n'),
            color: categoryColor(answer.group.category),
          },
        ],
        buttons: showButtons(answer.group.patterns),
      };
    case 'none': {
      const title =
        answer.reason === 'compare-needs-two'
          ? NONE_REASON_TEXT[answer.reason]
          : `${NONE_REASON_TEXT[answer.reason]} "${escapeUserText(answer.query)}"`;
      const lines = [
        ...(answer.suggestions.length > 0 ? ['Did you mean one of these?'] : []),
        `Try \`/${COMMAND_NAME} list\` to see every pattern, or \`/${COMMAND_NAME} help\`.`,
      ];
      return {
        embeds: [{ title, description: lines.join('\n'), color: NEUTRAL_COLOR }],
        buttons: showButtons(answer.suggestions, ButtonStyle.Primary),
      };
    }
    case 'help':
      return {
        embeds: [
          {
            title: `/${COMMAND_NAME} <query>`,
            description: 'Ask about a distributed-system architecture pattern. Typos are fine.',
            color: NEUTRAL_COLOR,
            fields: answer.commands.map((command) => ({
              name: command.usage,
              value: `${command.summary}\n${command.examples.map((e) => `\`${e}\``).join(' · ')}`,
            })),
          },
        ],
        buttons: [],
      };
    case 'notice':
      return {
        embeds: [
          {
            title: answer.title,
            ...(answer.lines.length > 0 ? { description: answer.lines.join('\n') } : {}),
            color: TONE_COLORS[answer.tone],
          },
        ],
        buttons: [],
      };
    default:
      return assertNever(answer);
  }
}

/**
 * An answer as a Discord message: embeds and buttons within Discord's limits, pinging nobody but the
 * addressed user. Pure: the same answer and options give the same JSON.
 */
export function answerToDiscord(answer: Answer, options: DiscordRenderOptions = {}): DiscordMessage {
  const { embeds, buttons } = render(answer, options);
  const content = [
    ...(options.forUserId ? [`For <@${options.forUserId}>`] : []),
    ...(options.sharedBy ? [`Shared by <@${options.sharedBy}>`] : []),
  ].join(' · ');
  return {
    ...(content ? { content } : {}),
    embeds: fitEmbeds(embeds),
    components: buttonRows(buttons),
    allowed_mentions: { parse: [], ...(options.forUserId ? { users: [options.forUserId] } : {}) },
  };
}
