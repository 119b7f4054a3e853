/**
 * Gateway packets as discord.js 14 can parse them. Discord adds and drops fields across API versions
 * and install types, and discord.js builds its structures without checking: a missing
 * `entitlements` or `authorizing_integration_owners`, a `member` without `user`, or an
 * `interaction_metadata` with the older `user_id` throws a TypeError before any listener runs
 * (found by replaying them through the client: tests/adapters/discord/gateway-replay.test.ts).
 * This fills in or removes what the bot does not read, in place, and says when a packet lacks
 * what the bot does need.
 */

type Json = Record<string, unknown>;

export interface GatewayPacket {
  t?: string | null;
  d?: unknown;
}

/** What to do with a packet: let discord.js handle it, or drop it (with why, for the log). */
export type PacketVerdict = { readonly keep: true } | { readonly keep: false; readonly reason: string };

const KEEP: PacketVerdict = { keep: true };
const drop = (reason: string): PacketVerdict => ({ keep: false, reason });

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isUser = (value: unknown): value is Json => isObject(value) && isId(value.id);

/** Interaction types whose `data` discord.js reads: command, component, autocomplete, modal. */
const TYPES_WITH_DATA = new Set([2, 3, 4, 5]);
const MESSAGE_COMPONENT = 3;

/**
 * `interaction_metadata` (and its `triggering_interaction_metadata`): discord.js reads `user` and
 * `authorizing_integration_owners`. The bot reads neither, so one it cannot fix is removed.
 */
function normalizeMetadata(metadata: unknown): Json | undefined {
  if (!isObject(metadata)) return undefined;
  if (!isUser(metadata.user)) return undefined; // the older `user_id` form: discord.js needs the user object
  if (!isObject(metadata.authorizing_integration_owners)) metadata.authorizing_integration_owners = {};
  if ('triggering_interaction_metadata' in metadata) {
    const inner = normalizeMetadata(metadata.triggering_interaction_metadata);
    if (inner) metadata.triggering_interaction_metadata = inner;
    else delete metadata.triggering_interaction_metadata;
  }
  return metadata;
}

/** A message object (MESSAGE_CREATE, a component's message, a referenced message), fixed in place. */
function normalizeMessage(message: Json, depth = 0): void {
  if ('interaction_metadata' in message) {
    const metadata = normalizeMetadata(message.interaction_metadata);
    if (metadata) message.interaction_metadata = metadata;
    else delete message.interaction_metadata;
  }
  if ('interaction' in message && !(isObject(message.interaction) && isUser(message.interaction.user))) {
    delete message.interaction;
  }
  if ('author' in message && !isUser(message.author)) delete message.author;
  if ('mentions' in message && !Array.isArray(message.mentions)) message.mentions = [];
  if (Array.isArray(message.mentions)) message.mentions = message.mentions.filter(isUser);
  if ('member' in message && !isObject(message.member)) delete message.member;
  if ('referenced_message' in message) {
    const referenced = message.referenced_message;
    if (isObject(referenced) && isId(referenced.id) && depth < 2) normalizeMessage(referenced, depth + 1);
    else if (referenced !== null) delete message.referenced_message;
  }
}

function normalizeInteraction(d: Json): PacketVerdict {
  if (!isId(d.id) || typeof d.token !== 'string' || typeof d.type !== 'number')
    return drop('interaction without id, token or type');
  if (TYPES_WITH_DATA.has(d.type) && !isObject(d.data)) return drop('interaction without data');
  if (!Array.isArray(d.entitlements)) d.entitlements = [];
  if (!isObject(d.authorizing_integration_owners)) d.authorizing_integration_owners = {};
  if ('member' in d && !isObject(d.member)) delete d.member;
  const member = isObject(d.member) ? d.member : undefined;
  if (member && !isUser(member.user)) {
    if (!isUser(d.user)) return drop('interaction without a user');
    member.user = d.user;
  }
  if (!member && !isUser(d.user)) return drop('interaction without a user');
  if (d.type === MESSAGE_COMPONENT) {
    if (!isObject(d.message) || !isId(d.message.id)) return drop('component interaction without its message');
    normalizeMessage(d.message);
  }
  return KEEP;
}

/**
 * Fixes a gateway dispatch in place so that discord.js can parse it, or says it cannot be answered.
 * Packets of other types pass through as they are (the guard around the handler catches the rest).
 */
export function normalizePacket(packet: GatewayPacket): PacketVerdict {
  switch (packet.t) {
    case 'INTERACTION_CREATE':
      return isObject(packet.d) ? normalizeInteraction(packet.d) : drop('interaction without a body');
    case 'MESSAGE_CREATE': {
      const d = packet.d;
      if (!isObject(d) || !isId(d.id) || !isId(d.channel_id)) return drop('message without id or channel');
      normalizeMessage(d);
      // A message without an author cannot be a question (nor be told apart from the bot's own).
      if (!isUser(d.author)) return drop('message without an author');
      return KEEP;
    }
    default:
      return KEEP;
  }
}

/** The interaction a dropped packet was, when it can still be answered (it has an id and a token). */
export function interactionToAnswer(
  packet: GatewayPacket,
): { id: string; token: string; type: number } | undefined {
  if (packet.t !== 'INTERACTION_CREATE' || !isObject(packet.d)) return undefined;
  const { id, token, type } = packet.d;
  return isId(id) && typeof token === 'string' && token !== '' && typeof type === 'number'
    ? { id, token, type }
    : undefined;
}
