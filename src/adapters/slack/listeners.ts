import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { isActionLike } from '../../core/card/action.js';
import { COMMAND_NAME } from '../../core/commands.js';
import { handleClick } from './card-actions.js';
import { replyInConversation } from './conversation-reply.js';
import { decodeSlackText } from './decode.js';
import { homeView } from './home-view.js';
import { commandPlace, homeOpenedBy, inboundMessage } from './inbound.js';
import { ackPatternCommand, commandInput } from './pattern-command.js';
import type { SlackDeps } from './slack-deps.js';
import { bugContext } from './slack-deps.js';
import { summarizeSlackError } from './slack-error.js';

/** The workspace of a click; org-wide installs send `team: null`, and the clicker's own team is it then. */
function clickTeam(body: BlockAction): string | undefined {
  return body.team?.id ?? body.user.team_id ?? undefined;
}

function isEphemeral(body: BlockAction): boolean {
  const container: unknown = body.container;
  return typeof container === 'object' && container !== null && 'is_ephemeral' in container
    ? container.is_ephemeral === true
    : false;
}

/** The bot events of the manifest, matched by one listener. */
const BOT_EVENT_TYPES = /^(?:app_mention|message|app_home_opened)$/;

/**
 * What a click carries to the conversation: the encoded action (`p1:…`, both action_id and value),
 * or a legacy action_id (`open_pattern:<slug>`); anything else (`share_card` with its old JSON value,
 * a button of ours the codec no longer knows) goes as the value, and the conversation answers it with
 * a short notice.
 */
function clickValue(action: { action_id?: unknown; value?: unknown }): string {
  const id = typeof action.action_id === 'string' ? action.action_id : '';
  if (isActionLike(id)) return id;
  return typeof action.value === 'string' ? action.value : id;
}

/** Every Slack listener pattern-bot has, in one place. */
export function registerSlackListeners(app: App, deps: SlackDeps): void {
  const { logger } = deps;

  // Bolt runs every listener's middleware chain for every request, so listeners are few: one command,
  // one action listener and one event listener, each dispatching inside (measured in bench:slack).
  app.command(/^\//, async ({ command, ack, respond, client, context }) => {
    if (command.command !== `/${COMMAND_NAME}`) {
      logger.debug({ command: command.command }, 'a slash command that is not ours: acked');
      await ack();
      return;
    }
    const input = commandInput(deps, client, {
      text: decodeSlackText(command.text, context.botUserId),
      channelId: command.channel_id,
      userId: command.user_id,
      place: commandPlace(command.channel_name, command.channel_id),
      ...(command.team_id ? { workspaceId: command.team_id } : {}),
    });
    await ackPatternCommand(deps, input, ack, respond);
  });

  // Every click is acked at once, whatever it is; the conversation decides what it means.
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions' },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      if (action.type !== 'button') {
        logger.debug({ type: String(action.type) }, 'a non-button action: acked');
        return;
      }
      const inHome = body.container?.type === 'view' || typeof body.response_url !== 'string';
      await handleClick(deps, client, {
        value: clickValue(action),
        userId: body.user.id,
        ...(body.channel?.id ? { channelId: body.channel.id } : {}),
        ...(clickTeam(body) ? { workspaceId: clickTeam(body) } : {}),
        place: inHome ? { kind: 'home' } : { kind: 'message', respond, ephemeral: isEphemeral(body) },
      });
    },
  );

  app.event(BOT_EVENT_TYPES, async ({ event, body, context, client }) => {
    // Slack retries an event it thinks we missed (X-Slack-Retry-Num): answer each event_id once.
    if (await deps.dedupe.seen(body.event_id)) {
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
        await replyInConversation(deps, client, message, { teamId: body.team_id, eventId: body.event_id });
        return;
      }
      case 'app_home_opened': {
        const user = homeOpenedBy(event);
        if (!user) return;
        const input = { platform: 'slack', userId: user, place: 'dm', workspaceId: body.team_id } as const;
        const [today, catalog] = await Promise.all([
          deps.conversation.ask({ ...input, text: 'today' }),
          deps.conversation.ask({ ...input, text: 'list' }),
        ]);
        try {
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
