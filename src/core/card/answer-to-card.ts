import {
  type Answer,
  assertNever,
  type CategoryGroup,
  type CompareAnswer,
  type PatternAnswer,
} from '../answer.js';
import { COMMAND_NAME, type Command } from '../commands.js';
import type { Pattern } from '../pattern.js';
import { encodeAction } from './action.js';
import { answerToRef } from './answer-ref.js';
import type { ButtonGroup, Card, CardBlock, CardButton, CardField, Rich } from './card.js';
import { code, strong } from './card.js';
import { compareCard } from './compare-card.js';
import { dailyCard } from './daily-card.js';
import { diagramBlock, patternViewCard } from './pattern-card.js';
import { slash } from './slash.js';
import { statsCard } from './stats-card.js';

/**
 * The only home of the wording people read: every answer becomes a neutral Card here, and each
 * platform's renderer only lays it out. A phrase changed here changes on Slack, Discord and the
 * console at once.
 */

export const SHARE_LABEL = 'Share in channel';

const TRY_LIST: Rich = ['Try ', slash('list'), ' to see every pattern, or ', slash('help'), '.'];

/** A button that shows a pattern to whoever clicks, or undefined if its slug cannot be encoded. */
function showButton(pattern: Pattern, style?: CardButton['style']): CardButton | undefined {
  const action = encodeAction({ type: 'show', slug: pattern.slug });
  return action ? { label: pattern.name, action, ...(style ? { style } : {}) } : undefined;
}

/** A labelled row of pattern buttons; nothing when there are no patterns. */
export function patternGroup(
  label: string | undefined,
  patterns: readonly Pattern[],
  style?: CardButton['style'],
): ButtonGroup[] {
  const buttons = patterns.flatMap((pattern) => showButton(pattern, style) ?? []);
  return buttons.length > 0 ? [{ ...(label ? { label } : {}), buttons }] : [];
}

function shareButton(answer: Answer): CardButton | undefined {
  const ref = answerToRef(answer);
  const action = ref && encodeAction({ type: 'share', ref });
  return action ? { label: SHARE_LABEL, action, style: 'primary' } : undefined;
}

function eyebrow(answer: PatternAnswer): string | undefined {
  if (answer.source === 'today') return `Pattern of the day${answer.date ? ` · ${answer.date}` : ''}`;
  if (answer.source === 'random') return 'Picked at random';
  return undefined;
}

/** What a term outside the catalog is, and what it is to the pattern it was compared with. */
function versusBlocks(versus: NonNullable<PatternAnswer['versus']>, pattern: Pattern): CardBlock[] {
  const name = pattern.doc?.short_name ?? pattern.name;
  const blocks: CardBlock[] = [
    {
      type: 'text',
      text: [
        strong(
          `${versus.term.charAt(0).toUpperCase()}${versus.term.slice(1)} is not a pattern of this catalog. `,
        ),
        versus.difference ?? versus.definition,
        ...(versus.how && !versus.difference ? [' ', strong(`To ${name}: `), versus.how] : []),
      ],
    },
  ];
  if (versus.chooseThis && versus.chooseTerm) {
    blocks.push({
      type: 'list',
      label: 'Choose',
      items: [
        [strong(`${name}`), `: ${versus.chooseThis}`],
        [strong(versus.term), `: ${versus.chooseTerm}`],
      ],
    });
  }
  return blocks;
}

function patternCard(answer: PatternAnswer): Card {
  const { pattern } = answer;
  const title = eyebrow(answer);
  if (pattern.doc) {
    const neighbours = new Map((answer.neighbours ?? []).map((p) => [p.slug, p]));
    const card = patternViewCard(pattern, answer.view ?? 'card', {
      bySlug: (slug) => neighbours.get(slug),
      extraGroups: patternGroup('Did you mean:', answer.alternatives, 'primary'),
      ...(title ? { eyebrow: title } : {}),
    });
    return answer.versus
      ? { ...card, blocks: [...versusBlocks(answer.versus, pattern), ...card.blocks] }
      : card;
  }
  return {
    tone: 'plain',
    accent: pattern.category,
    ...(title ? { eyebrow: title } : {}),
    title: pattern.name,
    subtitle: [strong(pattern.code), ` · ${pattern.category}`],
    blocks: [{ type: 'text', text: [pattern.description] }],
    groups: [
      ...patternGroup('Did you mean:', answer.alternatives, 'primary'),
      ...patternGroup('Related patterns:', answer.related),
    ],
    footnote: [slash(pattern.slug)],
  };
}

function sameKind(a: Pattern, b: Pattern): string {
  return a.category === b.category ? `Both are ${a.category}s.` : `${a.category} vs ${b.category}.`;
}

function groupItems(group: CategoryGroup): Rich[] {
  return group.patterns.map((pattern) => [code(pattern.code), ` ${pattern.name}`]);
}

function commandField(command: Command): CardField {
  return {
    label: `/${COMMAND_NAME} ${command.usage}`,
    value: [
      command.summary,
      '\n',
      ...command.examples.flatMap((e, i) => [...(i > 0 ? [' · '] : []), code(e)]),
    ],
  };
}

/** The comparison a catalog without content can show: the two rows side by side. */
function basicCompare(answer: CompareAnswer): Card {
  const [a, b] = answer.patterns;
  return {
    tone: 'plain',
    ...(a.category === b.category ? { accent: a.category } : {}),
    title: `${a.name} vs ${b.name}`,
    subtitle: [sameKind(a, b)],
    blocks: [
      {
        type: 'fields',
        fields: answer.patterns.map((p) => ({
          label: p.name,
          value: [p.description, '\n', code(p.code), ` · ${p.category}`],
          inline: true,
        })),
      },
    ],
    groups: patternGroup(undefined, answer.patterns),
  };
}

function body(answer: Answer): Card {
  switch (answer.kind) {
    case 'pattern':
      return patternCard(answer);
    case 'compare':
      return compareCard(answer, () => basicCompare(answer));
    case 'list': {
      const count = answer.groups.reduce((sum, group) => sum + group.patterns.length, 0);
      return {
        tone: 'plain',
        title: 'All patterns, by category',
        subtitle: [`${count} patterns. Pick one, or try `, slash('<name>'), '.'],
        blocks: answer.groups.map((group) => ({
          type: 'list',
          label: group.category,
          items: groupItems(group),
        })),
        groups: patternGroup(
          undefined,
          answer.groups.flatMap((group) => group.patterns),
        ),
      };
    }
    case 'category':
      return {
        tone: 'plain',
        accent: answer.group.category,
        title: answer.group.category,
        blocks: [
          {
            type: 'list',
            items: answer.group.patterns.map((p) => [
              code(p.code),
              ' ',
              strong(p.name),
              `: ${p.description}`,
            ]),
          },
        ],
        groups: patternGroup(undefined, answer.group.patterns),
      };
    case 'none': {
      const title =
        answer.reason === 'compare-needs-two'
          ? 'To compare, name two different patterns'
          : `${answer.reason === 'no-category' ? 'No category matches' : 'No pattern matches'} “${answer.query}”`;
      return {
        tone: 'info',
        title,
        blocks:
          answer.reason === 'compare-needs-two'
            ? [{ type: 'text', text: ['For example ', slash('compare cqrs event sourcing'), '.'] }]
            : [],
        groups: patternGroup('Did you mean:', answer.suggestions, 'primary'),
        footnote: TRY_LIST,
      };
    }
    case 'help':
      return {
        tone: 'plain',
        title: `How to use /${COMMAND_NAME}`,
        subtitle: ['Ask about a distributed-system architecture pattern. Typos are fine.'],
        blocks: [{ type: 'fields', fields: answer.commands.map(commandField) }],
        groups: [],
      };
    case 'term':
      return {
        tone: 'plain',
        title: answer.term,
        subtitle: ['Not a pattern of this catalog; here is what it is, and the patterns it touches.'],
        blocks: [
          { type: 'text', text: [answer.definition] },
          ...(answer.relates.length > 0
            ? [
                {
                  type: 'list' as const,
                  label: 'How it relates',
                  items: answer.relates.map((r): Rich => [strong(r.pattern.name), `: ${r.how}`]),
                },
              ]
            : []),
        ],
        groups: patternGroup(
          undefined,
          answer.relates.map((r) => r.pattern),
        ),
        footnote: TRY_LIST,
      };
    case 'daily':
      return dailyCard(answer);
    case 'stats':
      return statsCard(answer);
    default:
      return assertNever(answer);
  }
}

/** The card for an answer, with its Share button when the card can be rebuilt from one. */
export function answerToCard(answer: Answer): Card {
  const card = body(answer);
  const share = shareButton(answer);
  return share ? { ...card, share } : card;
}

/** The card as shared in a channel: who shared it, and no Share button of its own. */
export function sharedBy(card: Card, userId: string): Card {
  const { share: _share, ...rest } = card;
  return { ...rest, byline: ['Shared by ', { user: userId }] };
}

/** The card addressed to someone ("For @user"): the one person the message may ping. */
export function addressedTo(card: Card, userId: string): Card {
  return { ...card, byline: ['For ', { user: userId, ping: true }] };
}

/**
 * The daily post with the pattern's diagram after its body (`daily on diagram`): the picture where one
 * is drawn, else the text diagram. A pattern without authored content has no diagram: the card as it is.
 */
export function withDiagram(card: Card, answer: PatternAnswer): Card {
  const { pattern } = answer;
  if (!pattern.doc) return card;
  return { ...card, blocks: [...card.blocks, diagramBlock(pattern.slug, pattern.name, pattern.doc.diagram)] };
}

/** The discussion thread under a daily post: its name and its first message. */
export function dailyThread(answer: PatternAnswer): { readonly name: string; readonly starter: Card } {
  return {
    name: `${answer.pattern.name}${answer.date ? ` · ${answer.date}` : ''}`,
    starter: {
      tone: 'plain',
      blocks: [
        {
          type: 'text',
          text: [
            'Discuss ',
            strong(answer.pattern.name),
            ' here: where have you used it, and what went wrong?',
          ],
        },
      ],
      groups: [],
    },
  };
}
