import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { COMMAND_NAME } from '../../core/commands.js';
import { OPEN_PATTERN_ACTION, SHARE_ACTION } from './blocks.js';
import { openPattern, shareCard } from './card-actions.js';
import { replyInConversation } from './conversation-reply.js';
import { decodeSlackText } from './decode.js';
import { homeView } from './home-view.js';
import { homeOpenedBy, inboundMessage } from './inbound.js';
import { ackPatternCommand } from './pattern-command.js';
import type { SlackDeps } from './slack-deps.js';
import { bugContext } from './slack-deps.js';
import { summarizeSlackError } from './slack-error.js';

function isEphemeral(body: BlockAction): boolean {
  const container: unknown = body.container;
  return typeof container === 'object' && container !== null && 'is_ephemeral' in container
    ? container.is_ephemeral === true
    : false;
}

/** The button action IDs on cards, matched by one listener. */
const CARD_ACTIONS = new RegExp(`^(?:${SHARE_ACTION}$|${OPEN_PATTERN_ACTION}:)`);
/** The bot events of the manifest, matched by one listener. */
const BOT_EVENT_TYPES = /^(?:app_mention|message|app_home_opened)$/;

/** Every Slack listener pattern-bot has, in one place. */
export function registerSlackListeners(app: App, deps: SlackDeps): void {
  const { logger } = deps;

  // Bolt runs every listener's middleware chain for every request, so listeners are few: one command,
  // one action listener and one event listener, each dispatching inside (measured in bench:slack).
  app.command(/^\//, async ({ command, ack, respond }) => {
    if (command.command !== `/${COMMAND_NAME}`) {
      logger.debug({ command: command.command }, 'a slash command that is not ours: acked');
      await ack();
      return;
    }
    const input = {
      text: decodeSlackText(command.text),
      channelId: command.channel_id,
      userId: command.user_id,
      teamId: command.team_id,
    };
    await ackPatternCommand(deps, input, ack, respond);
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async ({ ack, action, body, respond }) => {
    await ack();
    if (
      typeof action.action_id !== 'string' ||
      !CARD_ACTIONS.test(action.action_id) ||
      typeof action.value !== 'string'
    ) {
      logger.debug(
        { actionId: String(action.action_id) },
        'a click on something that is not a card button: acked',
      );
      return;
    }
    if (action.action_id === SHARE_ACTION) {
      await shareCard(deps, { value: action.value ?? '', userId: body.user.id, respond });
    } else {
      await openPattern(deps, { slug: action.value ?? '', inPlace: isEphemeral(body), respond });
    }
  });

  app.event(BOT_EVENT_TYPES, async ({ event, body, context, client }) => {
    // Slack retries an event it thinks we missed (X-Slack-Retry-Num): answer each event_id once.
    if (deps.dedupe.seen(body.event_id)) {
      logger.info({ eventId: body.event_id }, 'duplicate event skipped');
      return;
    }
    switch (event.type) {
      case 'app_mention':
      case 'message': {
        const message = inboundMessage(event, context.botUserId);
        if (!message) {
          logger.debug({ eventId: body.event_id, type: event.type }, 'event not answered');
          return;
        }
        await replyInConversation(
          deps,
          client,
          {
            channel: message.channel,
            user: message.user,
            ...(message.threadTs ? { threadTs: message.threadTs } : {}),
            teamId: body.team_id,
            eventId: body.event_id,
          },
          message.text,
        );
        return;
      }
      case 'app_home_opened': {
        const user = homeOpenedBy(event);
        if (!user) return;
        try {
          const askContext = { platform: 'slack', userId: user, workspaceId: body.team_id } as const;
          const [today, catalog] = await Promise.all([
            deps.ask('today', askContext),
            deps.ask('list', askContext),
          ]);
          await client.views.publish({ user_id: user, view: homeView(today, catalog) });
        } catch (error) {
          logger.warn({ ...summarizeSlackError(error), user }, 'could not publish the Home tab');
        }
        return;
      }
      default:
        return;
    }
  });

  // Anything that still escapes a listener ends here: logged without the error object (it may hold
  // the request and its token), and the process keeps running.
  app.error(async (error) => {
    logger.error(
      { ...summarizeSlackError(error.original ?? error), ...bugContext(error) },
      'unhandled Slack error',
    );
  });
}
