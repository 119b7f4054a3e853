import { z } from 'zod';
import { decodeSlackText } from './decode.js';

/** Where a message was written, as the conversation knows it. */
export type Place = 'channel' | 'dm' | 'group';

/** A mention or a DM the bot answers: its text decoded, and where the answer goes. */
export interface InboundMessage {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  readonly place: Place;
  /** The answer goes in this thread (a mention's own thread, or the thread a DM was written in). */
  readonly threadTs?: string;
}

const id = z.string().min(1).max(64);
const ts = z.string().min(1).max(32);

/** The fields of a mention or a message event the bot reads; anything else may be there too. */
const messageSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  subtype: z.string().optional(),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  bot_id: z.string().nullish(),
  bot_profile: z.unknown().optional(),
  text: z.string().optional(),
  ts,
  thread_ts: ts.optional(),
});

/**
 * Subtypes of `message` that are a person writing to the bot: a plain message (none), a message with
 * a file, and a thread reply also sent to the channel. Edits (`message_changed`), deletions, joins and
 * the rest never get an answer, so an edited question is not answered twice.
 */
const ANSWERED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export function placeOf(channelType: string | undefined, channel: string): Place {
  if (channelType === 'im') return 'dm';
  if (channelType === 'mpim') return 'group';
  return channelType === undefined && channel.startsWith('D') ? 'dm' : 'channel';
}

/** A slash command's place, from its `channel_name` (`directmessage`, `mpdm-…`) and channel id. */
export function commandPlace(channelName: unknown, channelId: string): Place {
  if (channelName === 'directmessage' || channelId.startsWith('D')) return 'dm';
  return typeof channelName === 'string' && channelName.startsWith('mpdm-') ? 'group' : 'channel';
}

/**
 * The message to answer in an `app_mention` or `message.im` event, or undefined when the bot must
 * stay quiet: a bot wrote it (`bot_id` or `bot_profile`, our own posts included), it is not a person's
 * new message (see ANSWERED_SUBTYPES), it is a mention in a canvas (`document_mention`: Slack's own
 * sentence, with no message in the channel to thread under), or its fields are not of the shape Slack
 * sends. Pure.
 */
export function inboundMessage(event: unknown, botUserId: string | undefined): InboundMessage | undefined {
  const parsed = messageSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  if (message.bot_id || message.bot_profile !== undefined) return undefined;
  if (!message.user || message.user === botUserId || message.text === undefined) return undefined;
  if (!ANSWERED_SUBTYPES.has(message.subtype)) return undefined;
  if (message.type === 'message' && message.channel_type !== 'im') return undefined;
  const text = decodeSlackText(message.text, botUserId);
  const place = placeOf(message.channel_type, message.channel);
  // A mention is answered in its thread (started under it if need be); a DM in the thread it was written in.
  const threadTs = message.type === 'app_mention' ? (message.thread_ts ?? message.ts) : message.thread_ts;
  return {
    channel: message.channel,
    user: message.user,
    text,
    place,
    ...(threadTs ? { threadTs } : {}),
  };
}

const homeSchema = z.object({ type: z.literal('app_home_opened'), user: id, tab: z.string().optional() });

/** Who opened the Home tab, or undefined for the Messages tab or a malformed event. */
export function homeOpenedBy(event: unknown): string | undefined {
  const parsed = homeSchema.safeParse(event);
  return parsed.success && parsed.data.tab === 'home' ? parsed.data.user : undefined;
}
