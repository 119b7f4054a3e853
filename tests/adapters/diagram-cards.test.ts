import { describe, expect, it } from 'vitest';
import { attachmentName, cardToDiscord } from '../../src/adapters/discord/card-to-discord.js';
import { createReplyRenderer } from '../../src/adapters/discord/reply-options.js';
import { cardToBlockKit } from '../../src/adapters/slack/card-to-block-kit.js';
import { answerToCard } from '../../src/core/card/answer-to-card.js';
import type { Card } from '../../src/core/card/card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { diagramBlock } from '../../src/core/card/pattern-card.js';
import { createDiagramCache } from '../../src/diagrams/diagram-images.js';
import { realBot } from '../helpers/catalog.js';

/** The Diagram view of a pattern, as the Diagram button opens it. */
function diagramCard(slug: string, bot = realBot()): Card {
  const answer = bot.patternAnswer(slug, 'lookup', 'diagram');
  if (!answer) throw new Error(`no ${slug}`);
  return answerToCard(answer);
}

const saga = () => realBot().bySlug('saga-pattern')?.doc?.diagram;
const SAGA_ALT = () => `Diagram of Saga Pattern. ${saga()?.alt}`;

describe('the Diagram view', () => {
  it('carries the picture with its alt text, and the text diagram as its fallback', () => {
    const card = diagramCard('saga-pattern');
    expect(card.blocks).toEqual([
      {
        type: 'image',
        image: 'saga-pattern',
        alt: SAGA_ALT(),
        fallback: saga()?.text.replace(/\n+$/, ''),
      },
    ]);
  });

  it('keeps the text diagram where a pattern has no DOT source, and in the console', () => {
    const card = diagramCard('saga-pattern');
    expect(cardToText(card)).toContain('create order ──▶ charge card');
    expect(diagramBlock('x-pattern', 'X', { text: 'A ──▶ B\n' })).toEqual({ type: 'code', code: 'A ──▶ B' });
    // Alt text is what makes a picture: without it the text diagram stays.
    expect(diagramBlock('x-pattern', 'X', { text: 'A\n', dot: 'digraph { A }' }).type).toBe('code');
  });
});

describe('Slack', () => {
  it('shows an image block of the public URL, with the alt text, when the picture is served', () => {
    const message = cardToBlockKit(diagramCard('saga-pattern'), {
      imageUrl: (slug) => `https://bot.example.com/diagrams/${slug}.png`,
    });
    expect(message.blocks).toContainEqual({
      type: 'image',
      image_url: 'https://bot.example.com/diagrams/saga-pattern.png',
      alt_text: SAGA_ALT(),
    });
    expect(JSON.stringify(message.blocks)).not.toContain('```');
  });

  it('shows the text diagram in a code block when there is no URL for the picture', () => {
    for (const options of [{}, { imageUrl: () => undefined }]) {
      const message = cardToBlockKit(diagramCard('saga-pattern'), options);
      expect(message.blocks.some((block) => block.type === 'image')).toBe(false);
      expect(JSON.stringify(message.blocks)).toContain('```create order');
    }
  });
});

describe('Discord', () => {
  it('names the picture to attach, with its alt text, and points the embed at it', () => {
    const message = cardToDiscord(diagramCard('saga-pattern'), { canAttach: () => true });
    expect(message.pictures).toEqual([
      { image: 'saga-pattern', name: 'saga-pattern.png', description: SAGA_ALT() },
    ]);
    expect(message.embeds[0]?.image).toEqual({ url: 'attachment://saga-pattern.png' });
    expect(message.embeds[0]?.description ?? '').not.toContain('```');
  });

  it('shows the text diagram when the picture is not drawn', () => {
    const message = cardToDiscord(diagramCard('saga-pattern'));
    expect(message.pictures).toBeUndefined();
    expect(message.embeds[0]?.image).toBeUndefined();
    expect(message.embeds[0]?.description).toContain('```\ncreate order');
  });

  it('uploads the drawn PNG with the reply, under the name the embed points at', () => {
    const cache = createDiagramCache();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    cache.set('saga-pattern', { png, width: 10, height: 10 });
    const reply = createReplyRenderer(cache)(diagramCard('saga-pattern'), { private: true });
    expect(reply.files?.map((file) => file.toJSON())).toEqual([
      expect.objectContaining({ name: attachmentName('saga-pattern'), description: SAGA_ALT() }),
    ]);
    expect(Buffer.from(reply.files?.[0]?.attachment as Buffer)).toEqual(Buffer.from(png));
    const without = createReplyRenderer(createDiagramCache())(diagramCard('saga-pattern'));
    expect(without.files).toBeUndefined();
    // The same card shown before and after its picture is drawn (a remembered answer): text, then the picture.
    const later = createDiagramCache();
    const render = createReplyRenderer(later);
    const card = diagramCard('saga-pattern');
    expect(render(card).files).toBeUndefined();
    later.set('saga-pattern', { png, width: 10, height: 10 });
    expect(render(card).files).toHaveLength(1);
  });
});
