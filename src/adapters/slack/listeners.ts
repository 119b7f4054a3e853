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

const OPEN_PATTERN = new RegExp(`^${OPEN_PATTERN_ACTION}:`);

function isEphemeral(body: BlockAction): boolean {
  const container: unknown = body.container;
  return typeof container === 'object' && container !== null && 'is_ephemeral' in container
    ? container.is_ephemeral === true
    : false;
}

/** Every Slack listener pattern-bot has, in one place. */
export function registerSlackListeners(app: App, deps: SlackDeps): void {
  const { logger } = deps;

  // Slack retries an event it thinks we missed (X-Slack-Retry-Num): answer each event_id once.
  app.use(async ({ body, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && deps.dedupe.seen(eventId)) {
      logger.info({ eventId }, 'duplicate event skipped');
      return;
    }
    await next();
  });

  app.command(`/${COMMAND_NAME}`, async ({ command, ack, respond }) => {
    const input = {
      text: command.text,
      channelId: command.channel_id,
      userId: command.user_id,
      teamId: command.team_id,
    };
    await ackPatternCommand(deps, input, ack, respond);
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    await shareCard(deps, { value: action.value ?? '', userId: body.user.id, respond });
  });

  app.action<BlockAction<ButtonAction>>(OPEN_PATTERN, async ({ ack, action, body, respond }) => {
    await ack();
    await openPattern(deps, { slug: action.value ?? '', inPlace: isEphemeral(body), respond });
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
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
  });

  app.event('message', async ({ event, body, context, client }) => {
    // Only people's plain messages in the bot's DMs: no edits, joins or bot posts (our own included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    await replyInConversation(
      deps,
      client,
      { channel: event.channel, user: event.user, teamId: body.team_id, eventId: body.event_id },
      stripBotMention(event.text ?? '', context.botUserId),
    );
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const context = { platform: 'slack', userId: event.user, workspaceId: body.team_id } as const;
      const [today, catalog] = await Promise.all([deps.ask('today', context), deps.ask('list', context)]);
      await client.views.publish({ user_id: event.user, view: homeView(today, catalog) });
    } catch (error) {
      logger.warn({ ...summarizeSlackError(error), user: event.user }, 'could not publish the Home tab');
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
