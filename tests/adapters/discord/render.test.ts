import { describe, expect, it } from 'vitest';
import { parseButtonId } from '../../../src/adapters/discord/custom-id.js';
import { answerToDiscord } from '../../../src/adapters/discord/render.js';
import type { Answer, PatternAnswer } from '../../../src/core/answer.js';
import { COMMANDS } from '../../../src/core/commands.js';
import type { Pattern } from '../../../src/core/pattern.js';
import { realBot } from '../../helpers/catalog.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';

const bot = realBot();
const card = (slug: string): PatternAnswer => {
  const answer = bot.patternAnswer(slug);
  if (!answer) throw new Error(`no pattern ${slug}`);
  return answer;
};
const pattern = (slug: string): Pattern => card(slug).pattern;
const show = (slug: string, label: string, style = 2) => ({
  type: 2,
  style,
  label,
  custom_id: `pattern:show:${slug}`,
});
const DATA = 0xf1c40f;
const NEUTRAL = 0x4f545c;

describe('answerToDiscord, one exact message per answer kind', () => {
  it('pattern: the card with category colour, fields, related buttons, nobody pinged', () => {
    expect(answerToDiscord(card('cqrs-pattern'))).toEqual({
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

  it('pattern with alternatives: a "Did you mean" field and primary buttons first, no duplicate buttons', () => {
    const answer: PatternAnswer = {
      ...card('cqrs-pattern'),
      alternatives: [pattern('event-sourcing-pattern')],
    };
    const message = answerToDiscord(answer);
    expect(message.embeds[0]?.fields?.at(-1)).toEqual({
      name: 'Did you mean',
      value: 'Event Sourcing Pattern',
    });
    expect(message.components).toEqual([
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

  it('pattern of the day: the date in the author line', () => {
    const message = answerToDiscord(bot.todayAnswer('2025-03-14'));
    expect(message.embeds[0]?.author).toEqual({ name: 'Pattern of the day · 2025-03-14' });
    expect(message.embeds[0]?.title).toBe('Event Sourcing Pattern');
  });

  it('pattern shown privately: a Share button first, addressed: content and only that user allowed', () => {
    const shared = answerToDiscord(card('saga-pattern'), { share: true });
    expect(shared.components[0]?.components[0]).toEqual({
      type: 2,
      style: 3,
      label: 'Share in channel',
      custom_id: 'pattern:share:saga-pattern',
    });
    const addressed = answerToDiscord(card('saga-pattern'), { forUserId: '100000000000000002' });
    expect(addressed.content).toBe('For <@100000000000000002>');
    expect(addressed.allowed_mentions).toEqual({ parse: [], users: ['100000000000000002'] });
    const sharedBy = answerToDiscord(card('saga-pattern'), { sharedBy: '100000000000000001' });
    expect(sharedBy.content).toBe('Shared by <@100000000000000001>');
    expect(sharedBy.allowed_mentions).toEqual({ parse: [] });
  });

  it('compare: both sides as inline fields', () => {
    expect(answerToDiscord(bot.answer('compare cqrs event sourcing'))).toEqual({
      embeds: [
        {
          title: 'CQRS Pattern vs Event Sourcing Pattern',
          description: 'Both are Data Patterns.',
          color: DATA,
          fields: [
            {
              name: 'CQRS Pattern',
              value:
                'A pattern that separates read operations from write operations into different models.\n*Data Pattern* · `05`',
              inline: true,
            },
            {
              name: 'Event Sourcing Pattern',
              value:
                'A pattern that stores application state as a sequence of events.\n*Data Pattern* · `12`',
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
  });

  it('list: a field per category and a button per pattern in rows of five', () => {
    const answer = bot.answer('list');
    if (answer.kind !== 'list') throw new Error('expected a list');
    const message = answerToDiscord(answer);
    expect(message.embeds).toEqual([
      {
        title: 'All patterns, by category',
        description: '12 patterns. Pick one below, or try `/pattern <name>`.',
        color: NEUTRAL,
        fields: answer.groups.map((group) => ({
          name: group.category,
          value: group.patterns.map((p) => `\`${p.code}\` ${p.name}`).join('\n'),
        })),
      },
    ]);
    expect(message.embeds[0]?.fields?.[0]).toEqual({
      name: 'Service Decomposition Pattern',
      value: '`01` Microservices Architecture',
    });
    expect(message.components.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });

  it('category: one line per pattern', () => {
    expect(answerToDiscord(bot.answer('category fault tolerance'))).toEqual({
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

  it('none: the query escaped (no markdown, no @everyone), suggestions as buttons', () => {
    const answer: Answer = {
      kind: 'none',
      query: 'sagg **x** @everyone',
      reason: 'no-match',
      suggestions: [pattern('saga-pattern')],
    };
    expect(answerToDiscord(answer)).toEqual({
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
    const needsTwo = answerToDiscord({
      kind: 'none',
      query: 'compare',
      reason: 'compare-needs-two',
      suggestions: [],
    });
    expect(needsTwo.embeds[0]?.title).toBe(
      'To compare, name two different patterns, for example "compare cqrs event sourcing"',
    );
    expect(needsTwo.components).toEqual([]);
  });

  it('help: a field per command with its examples', () => {
    const message = answerToDiscord(bot.answer('help'));
    expect(message.embeds[0]?.title).toBe('/pattern <query>');
    expect(message.embeds[0]?.fields?.[1]).toEqual({
      name: 'compare <pattern> <pattern>',
      value: 'Put two patterns side by side.\n`compare cqrs event sourcing` · `event-driven vs soa`',
    });
    expect(message.embeds[0]?.fields).toHaveLength(COMMANDS.length);
    expect(message.components).toEqual([]);
  });

  it('notice: the tone colour, lines as description', () => {
    expect(
      answerToDiscord({
        kind: 'notice',
        tone: 'success',
        title: 'Subscribed',
        lines: ['Daily at 09:00', 'UTC'],
      }),
    ).toEqual({
      embeds: [{ title: 'Subscribed', description: 'Daily at 09:00\nUTC', color: 0x57f287 }],
      components: [],
      allowed_mentions: { parse: [] },
    });
  });
});

describe('limits are enforced by truncation', () => {
  const huge = (i: number): Pattern => ({
    code: String(i).padStart(2, '0'),
    slug: `${'very-long-slug-'.repeat(8)}${i}`,
    name: `🧩 **Pattern** ${'N'.repeat(300)} ${i}`,
    description: `${'_Markdown_ and emoji 🚀 '.repeat(400)}${i}`,
    category: `Category ${'C'.repeat(300)}`,
    aliases: Array.from({ length: 50 }, (_, j) => `alias ${'a'.repeat(200)} ${j}`),
    related: [],
  });
  const many = Array.from({ length: 40 }, (_, i) => huge(i));

  it.each<[string, Answer]>([
    ['pattern', { kind: 'pattern', pattern: huge(1), related: many, alternatives: many, source: 'lookup' }],
    ['compare', { kind: 'compare', patterns: [huge(1), huge(2)] }],
    ['list', { kind: 'list', groups: many.map((p) => ({ category: p.name, patterns: many })) }],
    ['category', { kind: 'category', group: { category: 'X'.repeat(500), patterns: many } }],
    ['none', { kind: 'none', query: '🙂'.repeat(3000), reason: 'no-match', suggestions: many }],
    ['notice', { kind: 'notice', tone: 'error', title: 'T'.repeat(1000), lines: ['L'.repeat(9000)] }],
  ])('%s stays within every Discord limit', (_kind, answer) => {
    const message = answerToDiscord(answer);
    expectWithinDiscordLimits(message);
    expect(JSON.stringify(message)).toContain('…');
  });

  it('cuts an emoji whole, never half a surrogate pair', () => {
    const message = answerToDiscord({ kind: 'notice', tone: 'info', title: '🙂'.repeat(200), lines: [] });
    const title = message.embeds[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).toBe(`${'🙂'.repeat(127)}…`);
  });

  it('leaves out buttons whose custom_id would pass 100 characters, and round-trips the rest', () => {
    const long = { ...pattern('saga-pattern'), slug: 's'.repeat(90) };
    const message = answerToDiscord({ ...card('cqrs-pattern'), related: [long, pattern('saga-pattern')] });
    const ids = message.components.flatMap((row) => row.components.map((b) => b.custom_id));
    expect(ids).toEqual(['pattern:show:saga-pattern']);
    expect(parseButtonId('pattern:show:saga-pattern')).toEqual({ action: 'show', slug: 'saga-pattern' });
    expect(parseButtonId('pattern:delete:saga-pattern')).toBeUndefined();
  });
});
