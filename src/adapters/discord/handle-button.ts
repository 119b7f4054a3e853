import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { parseButtonId } from './custom-id.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerToDiscord } from './render.js';
import { toReplyOptions } from './reply-options.js';

const GONE = answerToDiscord({
  kind: 'notice',
  tone: 'info',
  title: 'That pattern is no longer in the catalog',
  lines: ['Try `/pattern list` to see every pattern.'],
});

const UNKNOWN_BUTTON = answerToDiscord({
  kind: 'notice',
  tone: 'info',
  title: 'That button no longer works',
  lines: ['Try `/pattern` again for a fresh card.'],
});

/**
 * A pattern button: `show` replies with the card to the clicker alone, with a Share button;
 * `share` posts the card to the channel.
 */
export async function handleButton(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const parsed = parseButtonId(interaction.customId);
  if (!parsed) {
    deps.logger.warn({ customId: interaction.customId.slice(0, 100) }, 'unknown button');
    await interaction.reply({ ...toReplyOptions(UNKNOWN_BUTTON), flags: MessageFlags.Ephemeral });
    return;
  }
  const answer = deps.bot.patternAnswer(parsed.slug);
  if (!answer) {
    await interaction.reply({ ...toReplyOptions(GONE), flags: MessageFlags.Ephemeral });
    return;
  }
  if (parsed.action === 'show') {
    await interaction.reply({
      ...toReplyOptions(answerToDiscord(answer, { share: true })),
      flags: MessageFlags.Ephemeral,
    });
  } else {
    await interaction.reply(toReplyOptions(answerToDiscord(answer, { sharedBy: interaction.user.id })));
  }
}
