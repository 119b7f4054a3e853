import {
  type BaseInteraction,
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  type Message,
  MessageFlags,
} from 'discord.js';
import type { Logger } from '../../logger.js';
import { completionsToChoices } from './autocomplete.js';
import { errorContext } from './error-context.js';
import { handleButton } from './handle-button.js';
import { handleCommand } from './handle-command.js';
import { handleMention } from './handle-mention.js';
import type { HandlerDeps } from './handler-deps.js';

function interactionContext(interaction: BaseInteraction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isButton() ? { customId: interaction.customId } : {}),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}

async function routeInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused() ?? '');
    await interaction.respond(
      completionsToChoices(deps.conversation.complete(typed, { platform: 'discord' })),
    );
  } else if (interaction.isChatInputCommand()) {
    await handleCommand(interaction, deps);
  } else if (interaction.isButton()) {
    await handleButton(interaction, deps);
  }
}

/** Tells the user their request failed, however far the interaction got; never throws. */
async function failInteraction(interaction: Interaction, deps: HandlerDeps, cause: unknown): Promise<void> {
  if (refusedByChannel(cause)) return;
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      const message = deps.render(deps.conversation.failureCard);
      if (interaction.deferred && !interaction.replied) await interaction.editReply(message);
      else if (interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    }
  } catch (error) {
    deps.logger.warn(
      { ...interactionContext(interaction), err: errorContext(error) },
      'could not send the failure reply',
    );
  }
}

/**
 * Whether Discord just refused to let us speak there (403: Missing Access, Missing Permissions,
 * blocked DMs). Each such response counts toward Discord's invalid-request limit (10,000 in 10
 * minutes gets the bot's IP banned for a while), so the failure reply is not tried there again.
 */
export function refusedByChannel(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.status === 403;
}

async function failMessage(message: Message, deps: HandlerDeps, cause: unknown): Promise<void> {
  if (refusedByChannel(cause)) return;
  try {
    await message.reply(deps.render(deps.conversation.failureCard, { repliedUser: true }));
  } catch (error) {
    deps.logger.warn({ messageId: message.id, err: errorContext(error) }, 'could not send the failure reply');
  }
}

/**
 * Runs a listener's body so that nothing escapes it: a throw before the first await, or a rejection
 * of the failure path itself, is logged with the event's name and swallowed. discord.js calls
 * listeners inside its packet handling, where a throw would lose the packet (and, unguarded, the process).
 */
function guarded(logger: Logger, event: string, body: () => Promise<unknown>): void {
  const log = (error: unknown) => logger.error({ event, err: errorContext(error) }, 'listener failed');
  try {
    body().catch(log);
  } catch (error) {
    log(error);
  }
}

/** Every listener of the Discord adapter, each with one catch at its edge. */
export function registerDiscordListeners(client: Client, deps: HandlerDeps): void {
  const { logger } = deps;

  client.on(Events.InteractionCreate, (interaction) => {
    const started = performance.now();
    guarded(logger, 'interactionCreate', () =>
      routeInteraction(interaction, deps).then(
        () => {
          if (logger.isLevelEnabled('debug')) {
            logger.debug(
              { ...interactionContext(interaction), ms: performance.now() - started },
              'interaction',
            );
          }
        },
        async (error: unknown) => {
          logger.error(
            { ...interactionContext(interaction), err: errorContext(error) },
            'interaction failed',
          );
          await failInteraction(interaction, deps, error);
        },
      ),
    );
  });

  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (!botId) return;
    guarded(logger, 'messageCreate', () =>
      handleMention(message, botId, deps).catch(async (error: unknown) => {
        logger.error(
          {
            messageId: message.id,
            guildId: message.guildId,
            channelId: message.channelId,
            err: errorContext(error),
          },
          'mention failed',
        );
        await failMessage(message, deps, error);
      }),
    );
  });

  client.on(Events.Error, (error) => logger.error({ err: errorContext(error) }, 'client error'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ shardId, err: errorContext(error) }, 'gateway error'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord.js warning'));
  // Rate limits and REST errors: discord.js's queue waits and retries; we log the route, never the URL (it may hold a token).
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      {
        route: info.route,
        method: info.method,
        retryAfter: info.retryAfter,
        global: info.global,
        limit: info.limit,
      },
      'rate limited',
    ),
  );
  client.rest.on('response', (request, response) => {
    if (response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      logger.warn({ route: request.route, method: request.method, retryAfter, status: 429 }, 'rate limited');
    } else if (response.status >= 500) {
      logger.warn(
        { route: request.route, method: request.method, status: response.status, retries: request.retries },
        'REST server error',
      );
    }
  });
}
