import { describe, expect, it } from 'vitest';
import { createReplyRenderer } from '../../../src/adapters/discord/reply-options.js';
import type { Card } from '../../../src/core/card/card.js';

const card: Card = {
  tone: 'plain',
  title: 'Saga Pattern',
  blocks: [{ type: 'text', text: ['A sequence of local transactions.'] }],
  groups: [],
  share: { label: 'Share in channel', action: 'p1:["s","p","saga-pattern","l"]', style: 'primary' },
};
const json = (options: {
  content?: string;
  embeds: { toJSON(): unknown }[];
  components: { toJSON(): unknown }[];
}) => ({
  content: options.content,
  embeds: options.embeds.map((e) => e.toJSON()),
  components: options.components.map((c) => c.toJSON()),
});

describe('createReplyRenderer', () => {
  it('renders a card once per addressee and privacy, and hands out the same options again', () => {
    const render = createReplyRenderer();
    const plain = render(card);
    expect(render(card)).toBe(plain);
    const forBob = render(card, { addressee: '2' });
    expect(forBob).not.toBe(plain);
    expect(render(card, { addressee: '2' })).toBe(forBob);
    expect(forBob.content).toBe('For <@2>');
    expect(forBob.allowedMentions).toEqual({ parse: [], users: ['2'] });
    expect(render(card, { addressee: '3' }).content).toBe('For <@3>');
    expect(plain.content).toBeUndefined();
  });

  it('a private rendering carries the Share button, a public one does not', () => {
    const render = createReplyRenderer();
    expect(json(render(card, { private: true })).components).toHaveLength(1);
    expect(json(render(card)).components).toEqual([]);
  });

  it('an equal but different card object is rendered anew (the key is the object)', () => {
    const render = createReplyRenderer();
    const first = render(card);
    expect(render({ ...card })).not.toBe(first);
    expect(json(render({ ...card }))).toEqual(json(first));
  });
});
