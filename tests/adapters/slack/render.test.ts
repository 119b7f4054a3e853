import { describe, expect, it } from 'vitest';
import { answerToSlack } from '../../../src/adapters/slack/render.js';
import type { Answer, PatternAnswer } from '../../../src/core/answer.js';
import { COMMANDS } from '../../../src/core/commands.js';
import type { Pattern } from '../../../src/core/pattern.js';
import { realBot } from '../../helpers/catalog.js';
import { limitProblems } from './check-limits.js';

const bot = realBot();
const pattern = (slug: string): Pattern => {
  const found = bot.patterns.find((p) => p.slug === slug);
  if (!found) throw new Error(`no ${slug} in the catalog`);
  return found;
};
const card = (slug: string): PatternAnswer => {
  const answer = bot.patternAnswer(slug);
  if (!answer) throw new Error(`no ${slug}`);
  return answer;
};
const saga = pattern('saga-pattern');
const cqrs = pattern('cqrs-pattern');
const outbox = pattern('outbox-pattern');

const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const openButton = (p: Pattern) => ({
  type: 'button',
  text: { type: 'plain_text', text: p.name, emoji: true },
  action_id: `open_pattern:${p.slug}`,
  value: p.slug,
});
const buttons = (blockId: string, patterns: readonly Pattern[]) => ({
  type: 'actions',
  block_id: blockId,
  elements: patterns.map(openButton),
});
const shareBlock = (value: string) => ({
  type: 'actions',
  block_id: 'share',
  elements: [
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      action_id: 'share_card',
      value,
      style: 'primary',
    },
  ],
});

describe('answerToSlack: one exact Block Kit message per answer kind', () => {
  it('pattern: name, code and category, description, related and did-you-mean buttons', () => {
    const answer: PatternAnswer = { ...card('saga-pattern'), alternatives: [outbox] };
    const related = answer.related;
    expect(answerToSlack(answer).blocks).toEqual([
      header('Saga Pattern'),
      context(`*${saga.code}* · ${saga.category}`),
      section(saga.description),
      context('Related patterns:'),
      buttons('related', related),
      context('Did you mean:'),
      buttons('alternatives', [outbox]),
    ]);
    expect(related.length).toBeGreaterThan(0);
  });

  it('pattern of the day and random say so', () => {
    const today = bot.todayAnswer('2025-03-14');
    expect(answerToSlack(today).blocks[1]).toEqual(
      context(`*${today.pattern.code}* · ${today.pattern.category} · Pattern of the day, 2025-03-14`),
    );
    const random = bot.patternAnswer('saga-pattern', 'random') as PatternAnswer;
    expect(answerToSlack(random).blocks[1]).toEqual(
      context(`*${saga.code}* · ${saga.category} · Picked at random`),
    );
  });

  it('compare: the two side by side as fields, each openable', () => {
    const answer: Answer = { kind: 'compare', patterns: [saga, cqrs] };
    expect(answerToSlack(answer).blocks).toEqual([
      header('Saga Pattern vs CQRS Pattern'),
      context(
        saga.category === cqrs.category
          ? `Both are ${saga.category}s`
          : `${saga.category} vs ${cqrs.category}`,
      ),
      {
        type: 'section',
        fields: [saga, cqrs].map((p) => ({
          type: 'mrkdwn',
          text: `*${p.name}* (${p.code}, ${p.category})\n${p.description}`,
        })),
      },
      buttons('compare', [saga, cqrs]),
    ]);
  });

  it('list: every category as a section', () => {
    const answer: Answer = { kind: 'list', groups: bot.groups() };
    expect(answerToSlack(answer).blocks).toEqual([
      header('All patterns, by category'),
      ...bot
        .groups()
        .map((g) =>
          section(`*${g.category}*\n${g.patterns.map((p) => `• \`${p.code}\` ${p.name}`).join('\n')}`),
        ),
    ]);
  });

  it('category: its patterns, each a button', () => {
    const group = bot.groups().find((g) => g.category === saga.category);
    if (!group) throw new Error('no group');
    expect(answerToSlack({ kind: 'category', group }).blocks).toEqual([
      header(group.category),
      section(group.patterns.map((p) => `• \`${p.code}\` ${p.name}`).join('\n')),
      buttons('category', group.patterns),
    ]);
  });

  it('none: the query escaped, the suggestions as buttons, a way forward', () => {
    const answer: Answer = {
      kind: 'none',
      query: '<!channel> sagaa',
      reason: 'no-match',
      suggestions: [saga],
    };
    expect(answerToSlack(answer)).toEqual({
      text: 'No pattern matches "&lt;!channel&gt; sagaa".\nDid you mean: Saga Pattern?\nTry "list" to see every pattern, or "help".',
      blocks: [
        section('No pattern matches “&lt;!channel&gt; sagaa”.'),
        context('Did you mean:'),
        buttons('suggestions', [saga]),
        context('Try `/pattern list` to see every pattern, or `/pattern help`.'),
      ],
    });
    const needsTwo: Answer = { kind: 'none', query: 'compare', reason: 'compare-needs-two', suggestions: [] };
    expect(answerToSlack(needsTwo).blocks).toEqual([
      section('To compare, name two different patterns, for example "compare cqrs event sourcing".'),
      context('Try `/pattern list` to see every pattern, or `/pattern help`.'),
    ]);
  });

  it('help: every command from the core list, placeholders escaped', () => {
    expect(answerToSlack({ kind: 'help', commands: COMMANDS }).blocks).toEqual([
      header('How to use /pattern'),
      section(
        COMMANDS.map(
          (c) => `\`/pattern ${c.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;')}\`  ${c.summary}`,
        ).join('\n'),
      ),
      context(`Examples: ${COMMANDS.map((c) => `/pattern ${c.examples[0]}`).join(' · ')}`),
    ]);
  });

  it('notice: tone, title and lines, escaped', () => {
    const answer: Answer = { kind: 'notice', tone: 'error', title: 'Not <allowed>', lines: ['a & b', 'c'] };
    expect(answerToSlack(answer)).toEqual({
      text: 'Not &lt;allowed&gt;\na &amp; b\nc',
      blocks: [section(':warning: *Not &lt;allowed&gt;*'), section('a &amp; b\nc')],
    });
    expect(answerToSlack({ kind: 'notice', tone: 'success', title: 'Done', lines: [] }).blocks).toEqual([
      section(':white_check_mark: *Done*'),
    ]);
  });
});

describe('answerToSlack options', () => {
  it('adds the Share button with a value that rebuilds the card', () => {
    const { blocks } = answerToSlack(card('cqrs-pattern'), { shareable: true });
    expect(blocks.at(-1)).toEqual(shareBlock('{"k":"p","s":"cqrs-pattern","o":"lookup"}'));
  });

  it('credits the sharer, and only a real user ID', () => {
    expect(answerToSlack(card('cqrs-pattern'), { sharedBy: 'U0ABC' }).blocks.at(-1)).toEqual(
      context('Shared by <@U0ABC>'),
    );
    expect(JSON.stringify(answerToSlack(card('cqrs-pattern'), { sharedBy: '!channel' }))).not.toContain(
      'Shared',
    );
  });

  it('without interactivity (Home tab), names patterns instead of buttons and offers no Share', () => {
    const { blocks } = answerToSlack(card('saga-pattern'), { interactive: false, shareable: true });
    expect(blocks.filter((b) => b.type === 'actions')).toEqual([]);
    expect(blocks.at(-1)).toEqual(
      context(
        `Related patterns: ${card('saga-pattern')
          .related.map((p) => p.name)
          .join(', ')}`,
      ),
    );
  });

  it('truncates long text at the limits, never splitting an emoji or an entity', () => {
    const long: Pattern = {
      ...saga,
      name: '🧩'.repeat(200),
      description: `${'&'.repeat(1000)}${'x'.repeat(3000)}`,
    };
    const message = answerToSlack(
      { ...card('saga-pattern'), pattern: long, related: [long] },
      { shareable: true },
    );
    expect(limitProblems(message)).toEqual([]);
    const head = message.blocks[0] as { text: { text: string } };
    expect(head.text.text).toBe(`${'🧩'.repeat(74)}…`);
    const body = message.blocks[2] as { text: { text: string } };
    expect(body.text.text).toBe(`${'&amp;'.repeat(599)}…`);
  });

  it('keeps a huge list inside 50 blocks, saying how much is left out, with the Share button kept', () => {
    const groups = Array.from({ length: 80 }, (_, i) => ({ category: `Category ${i}`, patterns: [saga] }));
    const message = answerToSlack({ kind: 'list', groups }, { shareable: true });
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-2)).toEqual(context('…and 33 more not shown.'));
    expect(message.blocks.at(-1)).toEqual(shareBlock('{"k":"l"}'));
    expect(limitProblems(message)).toEqual([]);
  });
});
