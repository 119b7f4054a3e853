import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * User text inside a message of ours, made inert: no Discord markdown (bold, headings, lists,
 * masked links `[label](url)`), no `@everyone` / `@here` even as text, no mention or command
 * syntax (`<@id>`, `<#id>`, `</cmd:id>`), and no URL Discord would turn into a link (the scheme's
 * `://` is broken with a zero-width space). Echoed text such as
 * `daily on [Claim your prize](https://evil.example)` then reads as typed, and nothing in it is clickable.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=[@#/:a])/g, `<${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}
