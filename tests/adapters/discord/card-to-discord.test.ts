import { describe, expect, it } from 'vitest';
import { cardToDiscord } from '../../../src/adapters/discord/card-to-discord.js';
import { encodeAction } from '../../../src/core/card/action.js';
import { type Card, type CardBlock, code, link, strong, user } from '../../../src/core/card/card.js';
import type { Pattern } from '../../../src/core/pattern.js';
import { realPatterns } from '../../helpers/catalog.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';

const patterns = realPatterns();
const pattern = (slug: string): Pattern => {
  const found = patterns.find((p) => p.slug === slug);
  if (!found) throw new Error(`no pattern ${slug}`);
  return found;
};
const showAction = (slug: string) => encodeAction({ type: 'show', slug }) ?? '';
const showButton = (p: Pattern, style?: 'primary') => ({
  label: p.name,
  action: showAction(p.slug),
  ...(style ? { style } : {}),
});
/** The JSON of a show button as Discord gets it. */
const show = (slug: string, label: string, style = 2) => ({
  type: 2,
  style,
  label,
  custom_id: showAction(slug),
});
const DATA = 0xf1c40f;
const NEUTRAL = 0x4f545c;
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

const cqrs = pattern('cqrs-pattern');
const related = ['event-sourcing-pattern', 'event-driven-architecture', 'sharding-pattern'].map(pattern);
const patternCard = (p: Pattern, extra: Partial<Card> = {}): Card => ({
  tone: 'plain',
  accent: p.category,
  title: p.name,
  blocks: [
    { type: 'text', text: [p.description] },
    {
      type: 'fields',
      fields: [
        { label: 'Category', value: [p.category], inline: true },
        { label: 'Code', value: [p.code], inline: true },
        { label: 'Also known as', value: [`${p.aliases.slice(0, 8).join(', ')}, …`] },
        { label: 'Related', value: [related.map((r) => r.name).join(', ')] },
      ],
    },
  ],
  groups: [{ label: 'Related patterns:', buttons: related.map((r) => showButton(r)) }],
  footnote: [code(`/pattern ${p.slug}`)],
  ...extra,
});

describe('cardToDiscord, one exact message per kind of card', () => {
  it('a pattern: category colour, fields, related buttons, the footnote as footer, nobody pinged', () => {
    expect(cardToDiscord(patternCard(cqrs))).toEqual({
      embeds: [
        {
          title: 'CQRS Pattern',
          description:
            'A pattern that separates read operations from write operations into different models.',
          color: DATA,
          fields: [
            { name: 'Category', value: 'Data Pattern', inline: true },
            { name: 'Code', value: '05', inline: true },
            {
              name: 'Also known as',
              value:
                'cqrs, command query responsibility segregation, command query separation, cqs, read model, write model, separate reads and writes, read/write split, …',
            },
            { name: 'Related', value: 'Event Sourcing Pattern, Event-Driven Architecture, Sharding Pattern' },
          ],
          footer: { text: '/pattern cqrs-pattern' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            show('event-sourcing-pattern', 'Event Sourcing Pattern'),
            show('event-driven-architecture', 'Event-Driven Architecture'),
            show('sharding-pattern', 'Sharding Pattern'),
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('did-you-mean buttons first and primary, each custom_id once', () => {
    const card = patternCard(cqrs, {
      groups: [
        { label: 'Did you mean:', buttons: [showButton(related[0] as Pattern, 'primary')] },
        { label: 'Related patterns:', buttons: related.map((r) => showButton(r)) },
      ],
    });
    expect(cardToDiscord(card).components).toEqual([
      {
        type: 1,
        components: [
          show('event-sourcing-pattern', 'Event Sourcing Pattern', 1),
          show('event-driven-architecture', 'Event-Driven Architecture'),
          show('sharding-pattern', 'Sharding Pattern'),
        ],
      },
    ]);
  });

  it('the eyebrow is the author line', () => {
    const message = cardToDiscord(patternCard(cqrs, { eyebrow: 'Pattern of the day · 2025-03-14' }));
    expect(message.embeds[0]?.author).toEqual({ name: 'Pattern of the day · 2025-03-14' });
  });

  it('shown privately: the Share button first (green); shown publicly: none', () => {
    const share = {
      label: 'Share in channel',
      action: 'p1:["s","p","saga-pattern","l"]',
      style: 'primary' as const,
    };
    const card = patternCard(pattern('saga-pattern'), { share });
    expect(cardToDiscord(card, { private: true }).components[0]?.components[0]).toEqual({
      type: 2,
      style: 3,
      label: 'Share in channel',
      custom_id: share.action,
    });
    expect(JSON.stringify(cardToDiscord(card).components)).not.toContain(share.action);
  });

  it('the byline is the content; only users whose span says ping are allowed to be pinged', () => {
    const addressed = cardToDiscord(patternCard(cqrs, { byline: ['For ', user(BOB, true)] }));
    expect(addressed.content).toBe(`For <@${BOB}>`);
    expect(addressed.allowed_mentions).toEqual({ parse: [], users: [BOB] });
    const shared = cardToDiscord(patternCard(cqrs, { byline: ['Shared by ', user(ALICE)] }));
    expect(shared.content).toBe(`Shared by <@${ALICE}>`);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
  });

  it('a comparison: the subtitle as description, both sides as inline fields, neutral when categories differ', () => {
    const a = cqrs;
    const b = pattern('event-sourcing-pattern');
    const card: Card = {
      tone: 'plain',
      accent: a.category,
      title: `${a.name} vs ${b.name}`,
      subtitle: ['Both are Data Patterns.'],
      blocks: [
        {
          type: 'fields',
          fields: [a, b].map((p) => ({
            label: p.name,
            value: [p.description, '\n', code(p.code), ` · ${p.category}`],
            inline: true,
          })),
        },
      ],
      groups: [{ buttons: [showButton(a), showButton(b)] }],
    };
    expect(cardToDiscord(card)).toEqual({
      embeds: [
        {
          title: 'CQRS Pattern vs Event Sourcing Pattern',
          description: 'Both are Data Patterns.',
          color: DATA,
          fields: [
            {
              name: 'CQRS Pattern',
              value:
                'A pattern that separates read operations from write operations into different models.\n`05` · Data Pattern',
              inline: true,
            },
            {
              name: 'Event Sourcing Pattern',
              value: 'A pattern that stores application state as a sequence of events.\n`12` · Data Pattern',
              inline: true,
            },
          ],
        },
      ],
      components: [
        {
          type: 1,
          components: [
            show('cqrs-pattern', 'CQRS Pattern'),
            show('event-sourcing-pattern', 'Event Sourcing Pattern'),
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
    const { accent: _accent, ...neutral } = card;
    expect(cardToDiscord(neutral).embeds[0]?.color).toBe(NEUTRAL);
  });

  it('the list: a labelled list per category as a field, buttons in rows of five', () => {
    const categories = [...new Set(patterns.map((p) => p.category))];
    const card: Card = {
      tone: 'plain',
      title: 'All patterns, by category',
      subtitle: [`${patterns.length} patterns. Pick one below, or try `, code('/pattern <name>'), '.'],
      blocks: categories.map((category) => ({
        type: 'list',
        label: category,
        items: patterns.filter((p) => p.category === category).map((p) => [code(p.code), ` ${p.name}`]),
      })),
      groups: [{ buttons: patterns.map((p) => showButton(p)) }],
    };
    const message = cardToDiscord(card);
    expect(message.embeds).toEqual([
      {
        title: 'All patterns, by category',
        description: '12 patterns. Pick one below, or try `/pattern <name>`.',
        color: NEUTRAL,
        fields: categories.map((category) => ({
          name: category,
          value: patterns
            .filter((p) => p.category === category)
            .map((p) => `\`${p.code}\` ${p.name}`)
            .join('\n'),
        })),
      },
    ]);
    expect(message.embeds[0]?.fields?.[0]).toEqual({
      name: 'Service Decomposition Pattern',
      value: '`01` Microservices Architecture',
    });
    expect(message.components.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });

  it('a category: an unlabelled list as description lines', () => {
    const breaker = pattern('circuit-breaker-pattern');
    const card: Card = {
      tone: 'plain',
      accent: breaker.category,
      title: breaker.category,
      blocks: [
        {
          type: 'list',
          items: [[code(breaker.code), ' ', strong(breaker.name), `: ${breaker.description}`]],
        },
      ],
      groups: [{ buttons: [showButton(breaker)] }],
    };
    expect(cardToDiscord(card)).toEqual({
      embeds: [
        {
          title: 'Fault Tolerance Pattern',
          description:
            '`10` **Circuit Breaker Pattern**: A pattern that performs failure detection and automatic recovery to prevent cascading failures.',
          color: 0xed4245,
        },
      ],
      components: [{ type: 1, components: [show('circuit-breaker-pattern', 'Circuit Breaker Pattern')] }],
      allowed_mentions: { parse: [] },
    });
  });

  it('no match: the echoed query escaped in the title (no markdown, no @everyone), suggestions as primary buttons', () => {
    const card: Card = {
      tone: 'plain',
      title: 'No pattern matches "sagg **x** @everyone"',
      blocks: [
        { type: 'text', text: ['Did you mean one of these?'] },
        {
          type: 'text',
          text: ['Try ', code('/pattern list'), ' to see every pattern, or ', code('/pattern help'), '.'],
        },
      ],
      groups: [{ buttons: [showButton(pattern('saga-pattern'), 'primary')] }],
    };
    expect(cardToDiscord(card)).toEqual({
      embeds: [
        {
          title: 'No pattern matches "sagg \\*\\*x\\*\\* @\u200beveryone"',
          description:
            'Did you mean one of these?\nTry `/pattern list` to see every pattern, or `/pattern help`.',
          color: NEUTRAL,
        },
      ],
      components: [{ type: 1, components: [show('saga-pattern', 'Saga Pattern', 1)] }],
      allowed_mentions: { parse: [] },
    });
  });

  it('a notice: the tone colour, paragraphs as description lines', () => {
    const card: Card = {
      tone: 'success',
      title: 'Subscribed',
      blocks: [
        { type: 'text', text: ['Daily at 09:00'] },
        { type: 'text', text: ['UTC'] },
      ],
      groups: [],
    };
    expect(cardToDiscord(card)).toEqual({
      embeds: [{ title: 'Subscribed', description: 'Daily at 09:00\nUTC', color: 0x57f287 }],
      components: [],
      allowed_mentions: { parse: [] },
    });
  });

  it('code blocks: in the description, or as a field under their label', () => {
    const card: Card = {
      tone: 'plain',
      blocks: [
        { type: 'code', code: 'a -> b' },
        { type: 'code', label: 'Diagram', code: 'x ``` y' },
      ],
      groups: [],
    };
    expect(cardToDiscord(card).embeds[0]).toEqual({
      description: '```\na -> b\n```',
      color: NEUTRAL,
      fields: [{ name: 'Diagram', value: '```\nx `\u200b`` y\n```' }],
    });
  });
});

describe('echoed user text is never a link, a mention or markdown', () => {
  const echo = (text: string): Card => ({
    tone: 'error',
    title: `Not understood: ${text}`,
    blocks: [
      { type: 'text', text: ['You wrote ', text] },
      { type: 'list', items: [[text]] },
    ],
    groups: [],
    footnote: [text],
    byline: [text],
  });

  it('a masked link in `daily on [Claim your prize](https://evil.example)` comes back inert everywhere', () => {
    const message = cardToDiscord(echo('daily on [Claim your prize](https://evil.example)'));
    const inert = 'daily on \\[Claim your prize](https:\u200b//evil.example)';
    expect(message.content).toBe(inert);
    expect(message.embeds[0]?.title).toBe(`Not understood: ${inert}`);
    expect(message.embeds[0]?.description).toBe(`You wrote ${inert}\n${inert}`);
    // Footers show text as it is: no markdown, no links.
    expect(message.embeds[0]?.footer?.text).toBe('daily on [Claim your prize](https://evil.example)');
    const { footer: _footer, ...rendered } = message.embeds[0] ?? {};
    expect(JSON.stringify([message.content, rendered])).not.toContain('https://evil');
  });

  it('@everyone, role and user mentions in user text ping nobody and do not render', () => {
    const message = cardToDiscord(echo('@everyone <@&1> <@2>'));
    expect(message.content).toBe('@\u200beveryone <\u200b@&1> <\u200b@2>');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('link spans: https links of ours are masked (label escaped), anything else is its label only', () => {
    const card: Card = {
      tone: 'plain',
      blocks: [
        {
          type: 'text',
          text: [link('Read [more]', 'https://learn.microsoft.com/azure/architecture/patterns/saga')],
        },
        { type: 'text', text: [link('evil', 'javascript:alert(1)')] },
        { type: 'text', text: [link('plain http', 'http://example.com')] },
        { type: 'text', text: [link('broken', 'https://x.example/a) [b](https://evil.example')] },
      ],
      groups: [],
    };
    expect(cardToDiscord(card).embeds[0]?.description).toBe(
      [
        '[Read \\[more\\]](https://learn.microsoft.com/azure/architecture/patterns/saga)',
        'evil',
        'plain http',
        'broken',
      ].join('\n'),
    );
  });

  it('code spans keep their text, even with backticks', () => {
    const card: Card = { tone: 'plain', blocks: [{ type: 'text', text: [code('a`b')] }], groups: [] };
    expect(cardToDiscord(card).embeds[0]?.description).toBe('`` a`b ``');
  });
});

describe('limits are enforced by truncation', () => {
  const huge = (i: number): Pattern => ({
    code: String(i).padStart(2, '0'),
    slug: `${'very-long-slug-'.repeat(8)}${i}`,
    name: `🧩 **Pattern** ${'N'.repeat(300)} ${i}`,
    description: `${'_Markdown_ and emoji 🚀 '.repeat(400)}${i}`,
    category: `Category ${'C'.repeat(300)}`,
    aliases: [],
    related: [],
  });
  const many = Array.from({ length: 40 }, (_, i) => huge(i));
  const manyButtons = many.map((p, i) => ({ label: p.name, action: `p1:["o","s${i}"]` }));
  const blocks: Record<string, CardBlock[]> = {
    text: [{ type: 'text', text: [huge(1).description] }],
    fields: [{ type: 'fields', fields: many.map((p) => ({ label: p.name, value: [p.description] })) }],
    list: many.map((p) => ({ type: 'list', label: p.category, items: many.map((q) => [strong(q.name)]) })),
    code: [{ type: 'code', label: 'L'.repeat(300), code: 'c'.repeat(9000) }],
  };

  it.each(Object.entries(blocks))('%s blocks stay within every Discord limit', (_type, cardBlocks) => {
    const message = cardToDiscord(
      {
        tone: 'plain',
        eyebrow: 'E'.repeat(400),
        title: 'T'.repeat(1000),
        subtitle: ['S'.repeat(5000)],
        blocks: cardBlocks,
        groups: [{ buttons: manyButtons }],
        footnote: ['F'.repeat(3000)],
        byline: ['B'.repeat(3000)],
        share: { label: 'Share', action: 'p1:["s","h"]' },
      },
      { private: true },
    );
    expectWithinDiscordLimits(message);
    expect(JSON.stringify(message)).toContain('…');
  });

  it('cuts an emoji whole, never half a surrogate pair', () => {
    const message = cardToDiscord({ tone: 'info', title: '🙂'.repeat(200), blocks: [], groups: [] });
    expect(message.embeds[0]?.title).toBe(`${'🙂'.repeat(127)}…`);
  });

  it('leaves out buttons whose action does not fit a custom_id', () => {
    const message = cardToDiscord({
      tone: 'plain',
      blocks: [],
      groups: [
        { buttons: [{ label: 'too long', action: 'x'.repeat(101) }, showButton(pattern('saga-pattern'))] },
      ],
    });
    expect(message.components.flatMap((row) => row.components.map((b) => b.custom_id))).toEqual([
      showAction('saga-pattern'),
    ]);
  });
});
