import { describe, expect, it } from 'vitest';
import { cardToBlockKit } from '../../../src/adapters/slack/card-to-block-kit.js';
import type { Answer, PatternAnswer } from '../../../src/core/answer.js';
import { encodeAction } from '../../../src/core/card/action.js';
import { answerToCard, sharedBy } from '../../../src/core/card/answer-to-card.js';
import type { Card } from '../../../src/core/card/card.js';
import { problemCard } from '../../../src/core/card/problem-card.js';
import { COMMANDS } from '../../../src/core/commands.js';
import type { Pattern } from '../../../src/core/pattern.js';
import { rowsOnlyBot } from '../../helpers/catalog.js';
import { limitProblems } from './check-limits.js';

const bot = rowsOnlyBot();
const pattern = (slug: string): Pattern => {
  const found = bot.patterns.find((p) => p.slug === slug);
  if (!found) throw new Error(`no ${slug} in the catalog`);
  return found;
};
const answerFor = (slug: string): PatternAnswer => {
  const answer = bot.patternAnswer(slug);
  if (!answer) throw new Error(`no ${slug}`);
  return answer;
};
const render = (answer: Answer, options?: Parameters<typeof cardToBlockKit>[1]) =>
  cardToBlockKit(answerToCard(answer), options);
const saga = pattern('saga-pattern');
const cqrs = pattern('cqrs-pattern');
const outbox = pattern('outbox-pattern');

const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const show = (p: Pattern) => encodeAction({ type: 'show', slug: p.slug }) ?? '';
const openButton = (p: Pattern, primary = false) => ({
  type: 'button',
  text: { type: 'plain_text', text: p.name, emoji: true },
  action_id: show(p),
  value: show(p),
  ...(primary ? { style: 'primary' } : {}),
});
const buttons = (patterns: readonly Pattern[], primary = false) => ({
  type: 'actions',
  elements: patterns.map((p) => openButton(p, primary)),
});
const shareBlock = (value: string) => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      action_id: value,
      value,
      style: 'primary',
    },
  ],
});

describe('cardToBlockKit: one exact Block Kit message per answer kind', () => {
  it('pattern: name, code and category, description, did-you-mean and related buttons, its command', () => {
    const answer: PatternAnswer = { ...answerFor('saga-pattern'), alternatives: [outbox] };
    const related = answer.related;
    expect(render(answer).blocks).toEqual([
      header('Saga Pattern'),
      context(`*${saga.code}* · ${saga.category}`),
      section(saga.description),
      context('Did you mean:'),
      buttons([outbox], true),
      context('Related patterns:'),
      buttons(related),
      context('`/pattern saga-pattern`'),
    ]);
    expect(related.length).toBeGreaterThan(0);
  });

  it('pattern of the day and random say so', () => {
    const today = bot.todayAnswer('2025-03-14');
    expect(render(today).blocks[1]).toEqual(
      context(`*${today.pattern.code}* · ${today.pattern.category} · Pattern of the day · 2025-03-14`),
    );
    const random = bot.patternAnswer('saga-pattern', 'random') as PatternAnswer;
    expect(render(random).blocks[1]).toEqual(context(`*${saga.code}* · ${saga.category} · Picked at random`));
  });

  it('compare: the two side by side as fields, each openable', () => {
    const answer: Answer = { kind: 'compare', patterns: [saga, cqrs] };
    expect(render(answer).blocks).toEqual([
      header('Saga Pattern vs CQRS Pattern'),
      context(
        saga.category === cqrs.category
          ? `Both are ${saga.category}s.`
          : `${saga.category} vs ${cqrs.category}.`,
      ),
      {
        type: 'section',
        fields: [saga, cqrs].map((p) => ({
          type: 'mrkdwn',
          text: `*${p.name}*\n${p.description}\n\`${p.code}\` · ${p.category}`,
        })),
      },
      buttons([saga, cqrs]),
    ]);
  });

  it('list: every category as a section, every pattern a button, rows of at most 25', () => {
    const groups = bot.groups();
    const all = groups.flatMap((g) => g.patterns);
    const rows = [];
    for (let i = 0; i < all.length; i += 25) rows.push(buttons(all.slice(i, i + 25)));
    expect(render({ kind: 'list', groups }).blocks).toEqual([
      header('All patterns, by category'),
      context(`${all.length} patterns. Pick one, or try \`/pattern &lt;name&gt;\`.`),
      ...groups.map((g) =>
        section(`*${g.category}*\n${g.patterns.map((p) => `• \`${p.code}\` ${p.name}`).join('\n')}`),
      ),
      ...rows,
    ]);
  });

  it('category: its patterns, each a button', () => {
    const group = bot.groups().find((g) => g.category === saga.category);
    if (!group) throw new Error('no group');
    expect(render({ kind: 'category', group }).blocks).toEqual([
      header(group.category),
      section(group.patterns.map((p) => `• \`${p.code}\` *${p.name}*: ${p.description}`).join('\n')),
      buttons(group.patterns),
    ]);
  });

  it('none: the query escaped, the suggestions as buttons, a way forward', () => {
    const answer: Answer = {
      kind: 'none',
      query: '<!channel> sagaa',
      reason: 'no-match',
      suggestions: [saga],
    };
    const message = render(answer, { share: true });
    expect(message.blocks).toEqual([
      section(':information_source: *No pattern matches “&lt;!channel&gt; sagaa”*'),
      context('Did you mean:'),
      buttons([saga], true),
      context('Try `/pattern list` to see every pattern, or `/pattern help`.'),
      shareBlock(
        encodeAction({
          type: 'share',
          ref: { k: 'none', query: '<!channel> sagaa', reason: 'no-match', suggestions: ['saga-pattern'] },
        }) ?? '',
      ),
    ]);
    expect(message.text).toContain('&lt;!channel&gt; sagaa');
    expect(message.text).not.toContain('<!channel>');
    const needsTwo: Answer = { kind: 'none', query: 'compare', reason: 'compare-needs-two', suggestions: [] };
    expect(render(needsTwo, { share: false }).blocks).toEqual([
      section(':information_source: *To compare, name two different patterns*'),
      section('For example `/pattern compare cqrs event sourcing`.'),
      context('Try `/pattern list` to see every pattern, or `/pattern help`.'),
    ]);
  });

  it('help: every command from the core list, placeholders escaped', () => {
    const [first] = render({ kind: 'help', commands: COMMANDS }).blocks.slice(2);
    expect(render({ kind: 'help', commands: COMMANDS }).blocks.slice(0, 2)).toEqual([
      header('How to use /pattern'),
      context('Ask about a distributed-system architecture pattern. Typos are fine.'),
    ]);
    expect(first).toEqual({
      type: 'section',
      fields: COMMANDS.slice(0, 10).map((c) => ({
        type: 'mrkdwn',
        text: `*/pattern ${c.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;')}*\n${c.summary}\n${c.examples.map((e) => `\`${e.replace(/</g, '&lt;').replace(/>/g, '&gt;')}\``).join(' · ')}`,
      })),
    });
  });

  it('a problem card: tone, title and line, escaped, no header', () => {
    const message = cardToBlockKit(problemCard('not-in-channel'));
    expect(message.blocks).toEqual([
      section(':warning: *I can’t post in this channel*'),
      section('Invite me with `/invite @pattern-bot`, or use `/pattern`, which works everywhere.'),
    ]);
  });
});

describe('cardToBlockKit: spans, escaping, options', () => {
  const card = (text: Card['blocks'][number]): Card => ({ tone: 'plain', blocks: [text], groups: [] });

  it('renders each span the Slack way, escaping every text exactly once', () => {
    const { blocks, text } = cardToBlockKit(
      card({
        type: 'text',
        text: [
          'a & <b> ',
          { strong: 'x < y' },
          ' ',
          { code: 'c>d' },
          ' ',
          { link: 'the <label> | here', url: 'https://example.com/?a=1&b=2' },
          ' ',
          { user: 'U0ABC' },
          ' ',
          { user: '!channel' },
          ' ',
          { link: 'no scheme', url: 'javascript:alert(1)' },
        ],
      }),
    );
    expect(blocks).toEqual([
      section(
        'a &amp; &lt;b&gt; *x &lt; y* `c&gt;d` <https://example.com/?a=1&amp;b=2|the &lt;label&gt;   here> <@U0ABC> @!channel no scheme',
      ),
    ]);
    expect(text).toBe(
      'a &amp; &lt;b&gt; x &lt; y c&gt;d the &lt;label&gt; | here @U0ABC @!channel no scheme',
    );
  });

  it('renders a labelled list and a code block', () => {
    expect(
      cardToBlockKit(card({ type: 'list', label: 'Steps', items: [['one'], ['two & three']] })).blocks,
    ).toEqual([section('*Steps*\n• one\n• two &amp; three')]);
    expect(cardToBlockKit(card({ type: 'code', label: 'Diagram', code: 'A -> B\n<C>' })).blocks).toEqual([
      section('*Diagram*\n```A -&gt; B\n&lt;C&gt;```'),
    ]);
  });

  it('puts the byline first: who shared the card, never a ping', () => {
    const shared = sharedBy(answerToCard(answerFor('cqrs-pattern')), 'U0ABC');
    const { blocks } = cardToBlockKit(shared, { share: true });
    expect(blocks[0]).toEqual(context('Shared by <@U0ABC>'));
    expect(JSON.stringify(blocks)).not.toContain('Share in channel');
  });

  it('adds the Share button only when asked, with the encoded share action', () => {
    const value = encodeAction({
      type: 'share',
      ref: { k: 'pattern', slug: 'cqrs-pattern', source: 'lookup' },
    });
    expect(render(answerFor('cqrs-pattern'), { share: true }).blocks.at(-1)).toEqual(shareBlock(value ?? ''));
    expect(JSON.stringify(render(answerFor('cqrs-pattern')))).not.toContain('Share in channel');
  });

  it('without interactivity, names the patterns instead of buttons and offers no Share', () => {
    const { blocks } = render(answerFor('saga-pattern'), { interactive: false, share: true });
    expect(blocks.filter((b) => b.type === 'actions')).toEqual([]);
    expect(blocks).toContainEqual(
      context(
        `Related patterns: ${answerFor('saga-pattern')
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
    const message = render({ ...answerFor('saga-pattern'), pattern: long, related: [long] }, { share: true });
    expect(limitProblems(message)).toEqual([]);
    const head = message.blocks[0] as { text: { text: string } };
    expect(head.text.text).toBe(`${'🧩'.repeat(74)}…`);
    const body = message.blocks[2] as { text: { text: string } };
    expect(body.text.text).toBe(`${'&amp;'.repeat(599)}…`);
  });

  it('keeps a huge list inside 50 blocks, counting what is left out, with the Share button kept', () => {
    const groups = Array.from({ length: 80 }, (_, i) => ({ category: `Category ${i}`, patterns: [saga] }));
    const message = render({ kind: 'list', groups }, { share: true });
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-2)).toEqual(context('… +38'));
    expect(message.blocks.at(-1)).toEqual(
      shareBlock(encodeAction({ type: 'share', ref: { k: 'list' } }) ?? ''),
    );
    expect(limitProblems(message)).toEqual([]);
  });

  it('renders every answer of the catalog within the limits, private and public', () => {
    for (const p of bot.patterns) {
      for (const options of [{ share: true }, {}, { interactive: false }]) {
        expect(limitProblems(render(answerFor(p.slug), options)), p.slug).toEqual([]);
      }
    }
    expect(limitProblems(render({ kind: 'list', groups: bot.groups() }, { share: true }))).toEqual([]);
  });
});
