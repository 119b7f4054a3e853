/**
 * The presentation contract: what every platform shows, in neutral terms. `answerToCard` is the only
 * home of user-facing wording; renderers (`cardToBlockKit`, `cardToDiscord`, `cardToText`) only lay a
 * card out, escape its text and fit it to their platform's limits. They never write a sentence.
 */

/**
 * One piece of inline text. A plain string is text as it is (renderers escape it); the others are
 * formatting each platform spells its own way. `user` is a platform user ID: rendered as a mention,
 * which pings only when `ping` is true (Discord's allowed_mentions; Slack context lines never ping).
 */
export type Span =
  | string
  | { readonly strong: string }
  | { readonly code: string }
  | { readonly link: string; readonly url: string }
  | { readonly user: string; readonly ping?: boolean };

/** A line of inline text. */
export type Rich = readonly Span[];

export interface CardField {
  readonly label: string;
  readonly value: Rich;
  /** Side by side with its neighbours where the platform can (Discord inline fields, Slack section fields). */
  readonly inline?: boolean;
}

/** The body of a card, in reading order. Renderers switch on `type` and end in `assertNeverBlock`. */
export type CardBlock =
  /** A paragraph. */
  | { readonly type: 'text'; readonly text: Rich }
  /** Labelled values: a pattern's facts, the two sides of a comparison. */
  | { readonly type: 'fields'; readonly fields: readonly CardField[] }
  /** A bulleted list, with an optional label above it. */
  | { readonly type: 'list'; readonly label?: string; readonly items: readonly Rich[] }
  /** Preformatted text (a diagram), shown in a monospace block as it is. */
  | { readonly type: 'code'; readonly label?: string; readonly code: string }
  /**
   * A picture drawn outside the core (a pattern's diagram, by its slug), with its alt text. Where the
   * platform has no such picture to show (the console, a picture not drawn yet), `fallback` is shown
   * as a code block instead.
   */
  | { readonly type: 'image'; readonly image: string; readonly alt: string; readonly fallback: string }
  /** Two things side by side, row by row: a comparison. `heads` name the two columns. */
  | {
      readonly type: 'columns';
      readonly heads: readonly [string, string];
      readonly rows: readonly { readonly label: string; readonly cells: readonly [Rich, Rich] }[];
    };

export type CardBlockType = CardBlock['type'];

/** A button that runs an action: `action` is encoded by `encodeAction` (at most 100 characters). */
export interface CardButton {
  readonly label: string;
  readonly action: string;
  /** `primary`: the one main choice (Share, a did-you-mean). */
  readonly style?: 'primary' | 'default';
}

/** A labelled row of buttons: related patterns, "did you mean", a card's own actions. */
export interface ButtonGroup {
  /** What the row is ("Related patterns:"), or undefined for a row of actions that speak for themselves. */
  readonly label?: string;
  /** What to show where buttons cannot be (the Home tab, the console): usually the buttons' labels. */
  readonly buttons: readonly CardButton[];
}

export type CardTone = 'plain' | 'info' | 'success' | 'error';

export interface Card {
  readonly tone: CardTone;
  /** A category name: renderers that colour cards (Discord) pick its colour; otherwise by tone. */
  readonly accent?: string;
  /** A short line above the title: "Pattern of the day · 2026-12-04", "Picked at random". */
  readonly eyebrow?: string;
  readonly title?: string;
  /** The line under the title: code, kind, category. */
  readonly subtitle?: Rich;
  readonly blocks: readonly CardBlock[];
  /** Rows of buttons under the body, in order. */
  readonly groups: readonly ButtonGroup[];
  /** A small closing line: a hint of what to try next, who shared the card. */
  readonly footnote?: Rich;
  /** A line before the card (Discord message content): who it is for. */
  readonly byline?: Rich;
  /** The Share button that posts this card to the channel, when the card can be rebuilt from a button. */
  readonly share?: CardButton;
  /** For the asker's eyes only (their quiz record, the leaderboard, stats): adapters answer ephemerally, and never post it where others read. */
  readonly private?: boolean;
  /**
   * Not worth a message where others read it: a remark the bot has no answer for ("thanks!",
   * "test"). Adapters show it where the asker alone reads it (a slash command, a DM) and stay
   * silent in a shared channel.
   */
  readonly quiet?: boolean;
}

export function assertNeverBlock(block: never): never {
  throw new Error(`unhandled card block: ${JSON.stringify(block)}`);
}

/** Inline formatting helpers, so wording reads as sentences. */
export const strong = (text: string): Span => ({ strong: text });
export const code = (text: string): Span => ({ code: text });
export const link = (label: string, url: string): Span => ({ link: label, url });
export const user = (id: string, ping = false): Span => ({ user: id, ...(ping ? { ping } : {}) });

/** The plain text of a line, formatting dropped (for fallbacks, logs and length checks). */
export function richToPlain(rich: Rich, userLabel: (id: string) => string = (id) => `@${id}`): string {
  return rich
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('strong' in span) return span.strong;
      if ('code' in span) return span.code;
      if ('link' in span) return span.link;
      return userLabel(span.user);
    })
    .join('');
}
