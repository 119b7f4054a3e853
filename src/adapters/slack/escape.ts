/**
 * Escapes the three characters Slack's mrkdwn and `text` treat as control characters, so that text a
 * person typed (`<!channel>`, `<!here>`, `<@U123>`, `<https://x|y>`) is shown, never acted on.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** `<@U123>` for a real Slack user ID, or undefined for anything else. */
export function userMention(userId: string): string | undefined {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : undefined;
}
