import {
  type Client,
  DiscordAPIError,
  HTTPError,
  PermissionFlagsBits,
  PermissionsBitField,
  RateLimitError,
  REST,
  Routes,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Card } from '../../core/card/card.js';
import { type CanPost, type DailyPoster, discordNonce, PostError } from '../../daily/poster.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';
import type { Logger } from '../../logger.js';
import { cardToDiscord } from './card-to-discord.js';
import { errorContext } from './error-context.js';
import { truncate } from './limits.js';

/** What a daily post needs in its channel. */
export const DAILY_POST_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
] as const;

/** Discord error codes after which posting to the channel will never work: Unknown Channel, Missing Access, Missing Permissions. */
const PERMANENT_CODES = new Set([10003, 50001, 50013]);
/** Thread names are at most 100 characters. */
const MAX_THREAD_NAME = 100;
const THREAD_ARCHIVE_MINUTES = 1440;
/** One attempt's time limit: well under the scheduler's stale-claim timeout (2 minutes). */
export const DAILY_POST_TIMEOUT_MS = 15_000;

/**
 * A REST client for daily posts only: one attempt per call (no retries of 5xx or network errors,
 * and a 429 rejects with RateLimitError instead of waiting), so the daily engine decides when to
 * try again. Interactions keep the client's own REST, which retries and waits as it should.
 */
export function createDailyRest(config: DiscordConfig): REST {
  return new REST({
    retries: 0,
    timeout: DAILY_POST_TIMEOUT_MS,
    rejectOnRateLimit: () => true,
    ...(config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, '') } : {}),
  }).setToken(config.token);
}

/** Sorts a REST failure into one the daily engine retries and one that disables the channel. */
export function discordErrorToPostError(error: unknown): PostError {
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (PERMANENT_CODES.has(code))
      return new PostError('permanent', String(code), error.message, { cause: error });
    return new PostError('retryable', String(code || error.status), error.message, { cause: error });
  }
  if (error instanceof RateLimitError) {
    return new PostError('retryable', 'rate_limited', 'rate limited', {
      retryAfterMs: error.retryAfter,
      cause: error,
    });
  }
  if (error instanceof HTTPError)
    return new PostError('retryable', String(error.status), error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PostError('retryable', 'network', message, { cause: error });
}

/** "SendMessages" → "Send Messages", as Discord's settings name the permission. */
const permissionName = (flag: string) => flag.replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * The daily port over the Discord client: posts a card to a channel (with Discord's
 * `enforce_nonce`, a resend within a few minutes returns the message already made), starts the
 * discussion thread when asked, and finds out whether the bot can post there.
 */
const hasPicture = (card: Card) => card.blocks.some((block) => block.type === 'image');

export function createDiscordDailyPoster(
  client: Client,
  rest: REST,
  logger: Logger,
  images?: DiagramImages,
): DailyPoster {
  const log = logger.child({ feature: 'daily' });
  const canAttach = (image: string) => images?.get(image) !== undefined;
  const send = async (channelId: string, card: Card, nonce: string, attach = canAttach): Promise<string> => {
    const { pictures, ...message } = cardToDiscord(card, { canAttach: attach });
    // `daily on diagram`: the picture is uploaded with the post (multipart), its alt text as the description.
    const files = (pictures ?? []).flatMap((picture) => {
      const png = images?.get(picture.image)?.png;
      return png ? [{ picture, data: Buffer.from(png) }] : [];
    });
    const posted = (await rest.post(Routes.channelMessages(channelId), {
      body: {
        ...message,
        ...(files.length > 0
          ? { attachments: files.map(({ picture }, id) => ({ id, description: picture.description })) }
          : {}),
        nonce,
        enforce_nonce: true,
      },
      ...(files.length > 0
        ? {
            files: files.map(({ picture, data }) => ({
              name: picture.name,
              data,
              contentType: 'image/png',
            })),
          }
        : {}),
    })) as { id: string };
    return posted.id;
  };
  return {
    platform: 'discord',
    async reply(channelId, messageId, card) {
      try {
        // A thread started on the post has the post's id.
        await rest.post(Routes.channelMessages(messageId), { body: cardToDiscord(card) });
      } catch {
        await rest.post(Routes.channelMessages(channelId), {
          body: {
            ...cardToDiscord(card),
            message_reference: { message_id: messageId, fail_if_not_exists: false },
          },
        });
      }
    },
    async post(channelId, card, options) {
      let messageId: string;
      try {
        const nonce = discordNonce(options.idempotencyKey);
        messageId = await send(channelId, card, nonce).catch((error: unknown) => {
          // No Attach Files in this channel: the post goes out with the text diagram instead of failing.
          if (!(error instanceof DiscordAPIError && Number(error.code) === 50013) || !hasPicture(card))
            throw error;
          log.warn({ channelId }, 'could not attach the diagram (Attach Files?); posting its text');
          return send(channelId, card, nonce, () => false);
        });
      } catch (error) {
        throw discordErrorToPostError(error);
      }
      if (options.thread) {
        try {
          // Discord shows the thread's name under the post; the starter message is Slack's.
          await rest.post(Routes.threads(channelId, messageId), {
            body: {
              name: truncate(options.thread.name, MAX_THREAD_NAME),
              auto_archive_duration: THREAD_ARCHIVE_MINUTES,
            },
          });
        } catch (error) {
          log.warn({ channelId, messageId, ...errorContext(error) }, 'could not start the discussion thread');
        }
      }
      return { messageId };
    },
    async checkCanPost(channelId): Promise<CanPost> {
      let channel: Awaited<ReturnType<typeof client.channels.fetch>>;
      try {
        channel = await client.channels.fetch(channelId);
      } catch (error) {
        if (error instanceof DiscordAPIError && PERMANENT_CODES.has(Number(error.code))) {
          return { ok: false, reason: 'cannot-see' };
        }
        throw error;
      }
      if (!channel || channel.isDMBased() || !('permissionsFor' in channel) || !client.user)
        return { ok: true };
      const permissions = channel.permissionsFor(client.user);
      const missing = permissions
        ? permissions.missing(DAILY_POST_PERMISSIONS)
        : new PermissionsBitField(DAILY_POST_PERMISSIONS).toArray();
      if (missing.length === 0) return { ok: true };
      return { ok: false, reason: 'missing-permissions', missing: missing.map(permissionName) };
    },
  };
}
