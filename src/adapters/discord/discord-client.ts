import { once } from 'node:events';
import {
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Partials,
  type RESTPostAPIInteractionCallbackJSONBody,
  Routes,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Conversation } from '../../conversation/types.js';
import type { DailyPoster } from '../../daily/poster.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';
import type { Logger } from '../../logger.js';
import type { Service, ServiceHealth } from '../../service.js';
import { cardToDiscord } from './card-to-discord.js';
import { createDailyRest, createDiscordDailyPoster } from './daily-poster.js';
import { errorContext } from './error-context.js';
import { fatalCloseError } from './gateway-fatal.js';
import { guardGatewayPackets } from './gateway-guard.js';
import { watchGateway } from './gateway-watch.js';
import { registerDiscordListeners } from './listeners.js';
import { interactionToAnswer } from './normalize-packet.js';
import { createReplyRenderer } from './reply-options.js';

/** Discord wants an interaction answered within 3 s; past this, the reply is deferred. */
export const DEFER_AFTER_MS = 2500;

/** Guilds for slash commands, guild messages for mentions (their content comes without MessageContent), DMs. */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

export interface DiscordServiceOptions {
  readonly config: DiscordConfig;
  readonly conversation: Conversation;
  readonly logger: Logger;
  readonly deferAfterMs?: number;
  /** The diagrams drawn so far: a Diagram button attaches its pattern's picture. */
  readonly diagrams?: DiagramImages;
  /**
   * Called once when the gateway closes for good after start (4004 bad token, 4014 disallowed
   * intent...): discord.js will not reconnect, so the process should end non-zero.
   */
  readonly onFatal?: (error: Error) => void;
}

export interface DiscordService extends Service {
  /** The daily port: posts a card to a channel, and says whether the bot can post there. */
  readonly poster: DailyPoster;
}

export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl.replace(/\/+$/, '') } } : {}),
  });
}

/** What start() rejects with: an error that names DISCORD_TOKEN when Discord refused it. */
function startError(error: unknown): Error {
  if (error instanceof Error && error.name === 'DiscordGatewayFatal') return error;
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return Object.assign(
      new Error(
        'Discord rejected DISCORD_TOKEN (HTTP 401): set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token)',
        { cause: error },
      ),
      { name: 'DiscordTokenInvalid' },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The Discord adapter: the discord.js client with its listeners (which talk only to the
 * conversation), the gateway guard, the health of the gateway, and the daily poster.
 */
export function createDiscordService(options: DiscordServiceOptions): DiscordService {
  const { config, conversation } = options;
  const logger = options.logger.child({ platform: 'discord' });
  const client = createDiscordClient(config);
  const poster = createDiscordDailyPoster(client, createDailyRest(config), logger, options.diagrams);
  let started = false;
  let fatal: Error | undefined;
  let failStart: ((error: Error) => void) | undefined;
  const gatewayState = watchGateway(client);

  client.on(Events.ShardDisconnect, (event, shardId) => {
    const error = fatalCloseError(event.code);
    if (!error || fatal) return;
    fatal = error;
    logger.fatal({ shardId, code: event.code, err: errorContext(error) }, 'the gateway closed for good');
    if (failStart) failStart(error);
    else options.onFatal?.(error);
  });

  /** The callback body for an interaction the bot could not parse: the failure card, ephemeral. */
  const failureCallback = (type: number): RESTPostAPIInteractionCallbackJSONBody =>
    type === InteractionType.ApplicationCommandAutocomplete
      ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
      : {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { ...cardToDiscord(conversation.failureCard), flags: MessageFlags.Ephemeral },
        };
  guardGatewayPackets(client, logger, (packet) => {
    const interaction = interactionToAnswer(packet);
    if (!interaction) return;
    client.rest
      .post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: failureCallback(interaction.type),
        auth: false,
      })
      .catch((error: unknown) =>
        logger.warn(
          { interactionId: interaction.id, err: errorContext(error) },
          'could not answer an unparsable interaction',
        ),
      );
  });

  registerDiscordListeners(client, {
    conversation,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    render: createReplyRenderer(options.diagrams),
    canPost: (channelId) => poster.checkCanPost(channelId),
  });

  return {
    name: 'discord',
    poster,
    async start() {
      started = true;
      if (config.gateway === false) {
        // Another process holds the gateway; this one only posts daily cards, over REST.
        client.rest.setToken(config.token);
        logger.info({ applicationId: config.applicationId }, 'gateway off (DISCORD_GATEWAY=off): REST only');
        return;
      }
      const closed = new Promise<never>((_, reject) => {
        failStart = reject;
      });
      try {
        const ready = once(client, Events.ClientReady);
        await Promise.race([client.login(config.token).then(() => ready), closed]);
      } catch (error) {
        throw startError(error);
      } finally {
        failStart = undefined;
      }
      logger.info(
        { user: client.user?.tag, applicationId: config.applicationId },
        'connected to the gateway',
      );
    },
    async stop() {
      started = false;
      await client.destroy();
    },
    health(): ServiceHealth {
      if (!started) return { ok: false, state: 'stopped' };
      if (config.gateway === false) return { ok: true, state: 'rest-only' };
      if (fatal) return { ok: false, state: 'failed', reason: fatal.message };
      const gateway = gatewayState();
      return gateway.ok ? { ...gateway, guilds: client.guilds.cache.size } : gateway;
    },
  };
}
