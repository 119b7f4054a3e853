import type { Answer } from './answer.js';
import type { Intent } from './intent.js';
import { foldText } from './normalize.js';

/** How people open a question or a request to a bot, in the words they fold to. */
const OPENERS = new Set(
  `what whats which who whom whose why how when where whether
   is are was were do does did can could should would will shall may might must
   explain describe define tell show teach give list compare contrast difference differences
   help recommend suggest`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether a text asks something: a question mark, or an opening such as "how", "should" or "explain".
 * "thanks!", "test", "the gateway is down again" do not.
 */
export function readsAsQuestion(text: string): boolean {
  if (text.includes('?')) return true;
  const first = /[\p{L}\p{N}]+/u.exec(foldText(text))?.[0] ?? '';
  return OPENERS.has(first);
}

/**
 * A lookup that found nothing, has nothing to suggest and asks nothing ("thanks!", "test", ":wave:"):
 * chat, not a question for the bot. Its card is `quiet`: shown where the asker alone reads it, and no
 * message in a shared channel.
 */
export function isRemark(intent: Intent, answer: Answer, text: string): boolean {
  return (
    intent.type === 'lookup' &&
    answer.kind === 'none' &&
    answer.reason === 'no-match' &&
    answer.suggestions.length === 0 &&
    !readsAsQuestion(text)
  );
}
