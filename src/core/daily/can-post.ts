/**
 * Whether the bot can post in a channel, and if not, why, in neutral terms: the core words what a
 * person must do about it (`answerToCard`), the adapter only finds out.
 */
export type CanPost =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: /** Slack: the bot is not a member (invite it). */
        | 'not-in-channel'
        | 'archived'
        /** Slack: the installed app lacks a scope (reinstall from the manifest). */
        | 'missing-scope'
        /** Discord: the bot cannot see the channel (View Channel). */
        | 'cannot-see'
        /** Discord: permissions the bot lacks in the channel, by name ("Send Messages"). */
        | 'missing-permissions';
      readonly missing?: readonly string[];
    };
