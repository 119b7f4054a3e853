import type { types } from '@slack/bolt';
import type { Card } from '../../core/card/card.js';
import { divider } from './blocks.js';
import { cardToBlockKit } from './card-to-block-kit.js';
import { SLACK_MAX_HOME_BLOCKS } from './limits.js';

/**
 * The App Home tab: today's card, then the catalog card, inside the Home tab's 100 blocks. Buttons
 * stay: a click there has no response_url, so the card it opens goes to the clicker's DM with the app.
 */
export function homeView(today: Card, catalog: Card): types.HomeView {
  const top = cardToBlockKit(today, { share: false }).blocks;
  const room = SLACK_MAX_HOME_BLOCKS - top.length - 1;
  const list = cardToBlockKit(catalog, { share: false, maxBlocks: room }).blocks;
  return { type: 'home', blocks: [...top, divider(), ...list] };
}
