import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { COMMAND_NAME } from '../../core/commands.js';
import { OPEN_PATTERN_ACTION, SHARE_ACTION } from './blocks.js';
import { openPattern, shareCard } from './card-actions.js';
import { replyInConversation, stripBotMention } from './conversation-reply.js';
import { homeView } from './home-view.js';
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
  app.command(`/${COMMAND_NAME}`, async ({ command, ack, respond }) => {
    const input = {
      text: command.text,
      channelId: command.channel_id,
      userId: command.user_id,
      teamId: command.team_id,
    };
    await ackPatternCommand(deps, input, ack, respond);
  });

  app.action<BlockAction<ButtonAction>>(CARD_ACTIONS, async ({ ack, action, body, respond }) => {
    await ack();
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
        await replyInConversation(
          deps,
          client,
          {
            channel: event.channel,
            ...(event.user ? { user: event.user } : {}),
            threadTs: event.thread_ts ?? event.ts,
            teamId: body.team_id,
            eventId: body.event_id,
          },
          stripBotMention(event.text, context.botUserId),
        );
        return;
      case 'message':
        // Only people's plain messages in the bot's DMs: no edits, joins or bot posts (our own included).
        if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
        await replyInConversation(
          deps,
          client,
          { channel: event.channel, user: event.user, teamId: body.team_id, eventId: body.event_id },
          stripBotMention(event.text ?? '', context.botUserId),
        );
        return;
      case 'app_home_opened': {
        if (event.tab !== 'home') return;
        try {
          const askContext = { platform: 'slack', userId: event.user, workspaceId: body.team_id } as const;
          const [today, catalog] = await Promise.all([
            deps.ask('today', askContext),
            deps.ask('list', askContext),
          ]);
          await client.views.publish({ user_id: event.user, view: homeView(today, catalog) });
        } catch (error) {
          logger.warn({ ...summarizeSlackError(error), user: event.user }, 'could not publish the Home tab');
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
