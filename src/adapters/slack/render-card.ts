import type { Card } from '../../core/card/card.js';
import { type BlockKitOptions, cardToBlockKit, type SlackMessage } from './card-to-block-kit.js';
import { SLACK_MAX_HOME_BLOCKS } from './limits.js';

/** The three ways the adapter lays a card out. */
export type Surface = 'private' | 'public' | 'home';

const OPTIONS: Readonly<Record<Surface, BlockKitOptions>> = {
  /** A private answer (the `/pattern` ack, a button's answer): buttons and Share. */
  private: { share: true },
  /** A message everyone sees (a mention's reply, a DM, a shared or daily card): buttons, no Share. */
  public: {},
  /** The Home tab: up to 100 blocks; clicks open the card in the app's DM. */
  home: { maxBlocks: SLACK_MAX_HOME_BLOCKS },
};

/** Rendered messages, per Card object: the conversation caches Cards, so a cached answer renders once. */
const rendered = new WeakMap<Card, Partial<Record<Surface, SlackMessage>>>();

/**
 * The card as a Slack message for a surface, memoised per Card object. With `imageUrl` (PUBLIC_URL set)
 * its pictures become image blocks; such a rendering is not remembered, since a picture may be drawn later.
 */
export function renderCard(
  card: Card,
  surface: Surface,
  imageUrl?: (image: string) => string | undefined,
): SlackMessage {
  if (imageUrl && card.blocks.some((block) => block.type === 'image'))
    return cardToBlockKit(card, { ...OPTIONS[surface], imageUrl });
  let byCard = rendered.get(card);
  if (!byCard) {
    byCard = {};
    rendered.set(card, byCard);
  }
  const message = byCard[surface] ?? cardToBlockKit(card, OPTIONS[surface]);
  byCard[surface] = message;
  return message;
}
