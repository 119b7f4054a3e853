import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/** Only what the bot uses: see channels, post and reply (in threads too) with embeds and diagram pictures. */
export const BOT_PERMISSIONS = {
  ViewChannel: PermissionFlagsBits.ViewChannel,
  SendMessages: PermissionFlagsBits.SendMessages,
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
  /** A diagram is an attached PNG. */
  AttachFiles: PermissionFlagsBits.AttachFiles,
  /** Discord requires it to reply to a message. */
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;

export const BOT_PERMISSION_BITS = Object.values(BOT_PERMISSIONS).reduce((bits, bit) => bits | bit, 0n);

/** The OAuth2 URL that adds the bot to a server, with its slash commands. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSION_BITS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}
