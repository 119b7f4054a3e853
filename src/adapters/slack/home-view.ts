import type { types } from '@slack/bolt';
import type { Answer } from '../../core/answer.js';
import { COMMAND_NAME, COMMAND_USAGE_HINT } from '../../core/commands.js';
import { context, divider } from './blocks.js';
import { md } from './escape.js';
import { SLACK_MAX_HOME_BLOCKS } from './limits.js';
import { answerToSlack } from './render.js';

/**
 * The App Home tab: today's pattern, then the catalog by category. No buttons: clicks on a Home tab
 * carry no response_url to answer through.
 */
export function homeView(today: Answer, catalog: Answer): types.HomeView {
  const top = answerToSlack(today, { interactive: false }).blocks;
  const footer = [context(md`Ask in any channel: \`/${COMMAND_NAME} ${COMMAND_USAGE_HINT}\``)];
  const room = SLACK_MAX_HOME_BLOCKS - top.length - footer.length - 1;
  const list = answerToSlack(catalog, { interactive: false, maxBlocks: room }).blocks;
  return { type: 'home', blocks: [...top, divider(), ...list, ...footer] };
}
