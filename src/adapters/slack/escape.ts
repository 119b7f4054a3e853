/**
 * Escapes the three characters Slack's mrkdwn and `text` treat as control characters, so that text a
 * person typed (`<!channel>`, `<!here>`, `<@U123>`, `<https://x|y>`) is shown, never acted on.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const CONTROL = /[&<>]/;

export function escapeSlack(text: string): string {
  // Most text has none of the three: testing first saves building a copy of every string.
  return CONTROL.test(text) ? text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char) : text;
}

/** `<@U123>` for a real Slack user ID, or undefined for anything else. */
export function userMention(userId: string): string | undefined {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : undefined;
}
