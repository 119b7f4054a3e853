import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { Answer } from '../../core/answer.js';
import { COMMAND_NAME } from '../../core/commands.js';
import { PRIVATE_OPTION, QUERY_OPTION, USER_OPTION } from './commands.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerToDiscord } from './render.js';
import { toReplyOptions } from './reply-options.js';

const LATE = Symbol('late');

const UNKNOWN_COMMAND = answerToDiscord({
  kind: 'notice',
  tone: 'info',
  title: 'That command is not mine any more',
  lines: [`Try \`/${COMMAND_NAME} help\`.`],
});

/** The promise's value if it settles within `ms`, else LATE (a rejection within `ms` rejects). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/pattern query:<text> [private] [user]`: asks, then replies at once, or defers and edits the reply
 * when the answer takes longer than `deferAfterMs`.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) {
    deps.logger.warn({ commandName: interaction.commandName }, 'unknown command');
    await interaction.reply({ ...toReplyOptions(UNKNOWN_COMMAND), flags: MessageFlags.Ephemeral });
    return;
  }
  const query = interaction.options.getString(QUERY_OPTION, true);
  const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const user = interaction.options.getUser(USER_OPTION);
  const ask = () =>
    deps.ask(query, {
      platform: 'discord',
      channelId: interaction.channelId,
      userId: interaction.user.id,
      ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
      canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    });
  const render = (answer: Answer) =>
    toReplyOptions(answerToDiscord(answer, user ? { forUserId: user.id } : {}));
  // The card names the addressed user, so that is part of the key.
  const pending = deps.replies.reply(`${user?.id ?? ''} ${query}`, ask, render);
  const flags = ephemeral ? ({ flags: MessageFlags.Ephemeral } as const) : {};

  const early = await within(pending, deps.deferAfterMs);
  if (early !== LATE) {
    await interaction.reply({ ...early, ...flags });
    return;
  }
  await interaction.deferReply(flags);
  await interaction.editReply(await pending);
}
