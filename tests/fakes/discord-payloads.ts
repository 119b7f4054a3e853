import {
  ALICE,
  APPLICATION_ID,
  BOT_USER,
  CHANNEL_ID,
  COMMAND_ID,
  DM_CHANNEL_ID,
  type FakeDiscord,
  type FakeUser,
  GUILD_ID,
} from './fake-discord.js';

/** Gateway payloads as Discord sends them (API v10), for the fake to dispatch. */

type Json = Record<string, unknown>;

export interface Dispatched {
  readonly id: string;
  readonly token: string;
}

/** Manage Channels (16) and the usual member permissions. */
export const MANAGER_PERMISSIONS = '2248473465835057';
export const MEMBER_PERMISSIONS = '2248473465835041';

function interactionBase(
  fake: FakeDiscord,
  from: FakeUser,
  permissions = MEMBER_PERMISSIONS,
): Json & Dispatched {
  const id = fake.snowflake();
  return {
    id,
    token: `itoken-${id}`,
    application_id: APPLICATION_ID,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: {
      user: from,
      roles: [],
      permissions,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: MEMBER_PERMISSIONS,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

function send(fake: FakeDiscord, payload: Json & Dispatched): Dispatched {
  fake.dispatch('INTERACTION_CREATE', payload);
  return { id: payload.id, token: payload.token };
}

export interface SlashOptions {
  readonly query: string;
  readonly private?: boolean;
  readonly user?: FakeUser;
  readonly from?: FakeUser;
  readonly permissions?: string;
  /** Used in a DM with the bot: no guild, no member, a `user`. */
  readonly dm?: boolean;
}

function dmBase(fake: FakeDiscord, from: FakeUser): Json & Dispatched {
  const { guild_id: _guild, member: _member, guild_locale: _locale, ...base } = interactionBase(fake, from);
  return {
    ...base,
    channel_id: DM_CHANNEL_ID,
    channel: { id: DM_CHANNEL_ID, type: 1, recipients: [from] },
    user: from,
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 1,
  };
}

export function slashCommand(fake: FakeDiscord, options: SlashOptions): Dispatched {
  const opts: Json[] = [{ name: 'query', type: 3, value: options.query }];
  if (options.private !== undefined) opts.push({ name: 'private', type: 5, value: options.private });
  if (options.user) opts.push({ name: 'user', type: 6, value: options.user.id });
  return send(fake, {
    ...(options.dm
      ? dmBase(fake, options.from ?? ALICE)
      : interactionBase(fake, options.from ?? ALICE, options.permissions)),
    type: 2,
    data: {
      id: COMMAND_ID,
      name: 'pattern',
      type: 1,
      options: opts,
      ...(options.user ? { resolved: { users: { [options.user.id]: options.user } } } : {}),
    },
  });
}

export function autocomplete(fake: FakeDiscord, value: string): Dispatched {
  return send(fake, {
    ...interactionBase(fake, ALICE),
    type: 4,
    data: {
      id: COMMAND_ID,
      name: 'pattern',
      type: 1,
      options: [{ name: 'query', type: 3, value, focused: true }],
    },
  });
}

export function button(
  fake: FakeDiscord,
  customId: string,
  from: FakeUser = ALICE,
  ephemeralMessage = false,
): Dispatched {
  return send(fake, {
    ...interactionBase(fake, from),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: fake.message(CHANNEL_ID, {}, { flags: ephemeralMessage ? 64 : 0 }),
  });
}

/** A button pressed on a message in the person's DM with the bot (no guild, no member). */
export function dmButton(fake: FakeDiscord, customId: string, from: FakeUser = ALICE): Dispatched {
  return send(fake, {
    ...dmBase(fake, from),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: fake.message(DM_CHANNEL_ID, {}),
  });
}

export interface MessageOptions {
  readonly content: string;
  readonly from?: FakeUser;
  readonly mentions?: readonly FakeUser[];
  readonly mentionRoles?: readonly string[];
  readonly mentionEveryone?: boolean;
  /** The message this one replies to, by its author. */
  readonly replyTo?: FakeUser;
  readonly dm?: boolean;
}

/** Dispatches MESSAGE_CREATE; returns the message ID. */
export function message(fake: FakeDiscord, options: MessageOptions): string {
  const id = fake.snowflake();
  const from = options.from ?? ALICE;
  const channelId = options.dm ? DM_CHANNEL_ID : CHANNEL_ID;
  const referenced = options.replyTo
    ? { ...fake.message(channelId, { content: 'earlier' }), author: options.replyTo }
    : undefined;
  fake.dispatch('MESSAGE_CREATE', {
    id,
    channel_id: channelId,
    // Discord sends the channel type; discord.js needs it to build an uncached DM channel.
    channel_type: options.dm ? 1 : 0,
    ...(options.dm
      ? {}
      : {
          guild_id: GUILD_ID,
          member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
        }),
    author: from,
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: options.mentions ?? [],
    mention_roles: options.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: referenced ? 19 : 0,
    flags: 0,
    ...(referenced
      ? {
          referenced_message: referenced,
          message_reference: { type: 0, message_id: referenced.id, channel_id: channelId },
        }
      : {}),
  });
  return id;
}

export const mentionOf = (u: FakeUser = BOT_USER) => `<@${u.id}>`;
