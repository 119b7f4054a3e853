import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, Routes, Status } from 'discord.js';
import type { Ask } from '../../ask.js';
import type { DiscordConfig } from '../../config.js';
import type { Answer } from '../../core/answer.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../logger.js';
import { createReplyCache } from '../../reply-cache.js';
import type { Service, ServiceHealth } from '../../service.js';
import { cachedAutocomplete } from './autocomplete.js';
import { registerDiscordListeners } from './listeners.js';
import { answerToDiscord } from './render.js';

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
  readonly ask: Ask;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly deferAfterMs?: number;
  /** How many rendered replies and autocomplete answers are remembered (default REPLY_CACHE_SIZE; 0: none). */
  readonly replyCacheSize?: number;
}

export interface DiscordService extends Service {
  readonly client: Client;
  /**
   * Posts an answer card to a channel (the pattern of the day) and resolves with the message ID.
   * With a nonce, Discord's `enforce_nonce` turns a resend within a few minutes into the same message.
   * REST errors propagate (a `DiscordAPIError` with `status` and `code`, e.g. 50001 Missing Access).
   */
  sendAnswer(
    channelId: string,
    answer: Answer,
    options?: { readonly nonce?: string },
  ): Promise<{ messageId: string }>;
}

export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl.replace(/\/+$/, '') } } : {}),
  });
}

export function createDiscordService(options: DiscordServiceOptions): DiscordService {
  const { config } = options;
  const logger = options.logger.child({ platform: 'discord' });
  const client = createDiscordClient(config);
  let started = false;
  registerDiscordListeners(client, {
    ask: options.ask,
    bot: options.bot,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    replies: createReplyCache(options.replyCacheSize),
    choices: cachedAutocomplete(options.bot, options.replyCacheSize),
  });

  return {
    name: 'discord',
    client,
    async start() {
      started = true;
      const ready = once(client, Events.ClientReady);
      await client.login(config.token);
      await ready;
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
      const status = client.ws.status;
      if (status === Status.Ready) {
        return { ok: true, state: 'connected', ping: client.ws.ping, guilds: client.guilds.cache.size };
      }
      return { ok: false, state: (Status[status] ?? 'unknown').toLowerCase() };
    },
    async sendAnswer(channelId, answer, { nonce } = {}) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { ...answerToDiscord(answer), ...(nonce ? { nonce, enforce_nonce: true } : {}) },
      })) as { id: string };
      return { messageId: message.id };
    },
  };
}
