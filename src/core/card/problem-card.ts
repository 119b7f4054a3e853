import type { Card, Rich } from './card.js';
import { code } from './card.js';

/** What can go wrong that a person is told about, in neutral terms; the wording is here. */
export type Problem =
  /** A failure on our side (a bug, a platform error we did not expect). */
  | 'failure'
  /** The bot cannot post where it was asked (Slack not_in_channel, archived). */
  | 'not-in-channel'
  /** The platform asked us to slow down. */
  | 'rate-limited'
  /** A button that is not one of ours, or from an older release. */
  | 'stale-action'
  /** A button whose pattern has left the catalog. */
  | 'pattern-gone'
  /** A slash command this release does not have. */
  | 'unknown-command'
  /** An answer for the asker alone, asked where only a public reply can go (a Discord mention). */
  | 'ask-privately';

const CARDS: Readonly<Record<Problem, { title: string; line: Rich; tone: Card['tone'] }>> = {
  failure: {
    tone: 'error',
    title: 'Sorry, something went wrong on my side',
    line: ['Please try again in a moment.'],
  },
  'not-in-channel': {
    tone: 'error',
    title: 'I can’t post in this channel',
    line: [
      'Invite me with ',
      code('/invite @pattern-bot'),
      ', or use ',
      code('/pattern'),
      ', which works everywhere.',
    ],
  },
  'rate-limited': {
    tone: 'error',
    title: 'I was asked to slow down',
    line: ['Please try again in a minute.'],
  },
  'stale-action': {
    tone: 'info',
    title: 'That button no longer works',
    line: ['It may be from an older version of the bot. Ask again with ', code('/pattern'), '.'],
  },
  'pattern-gone': {
    tone: 'info',
    title: 'That pattern is no longer in the catalog',
    line: ['Try ', code('/pattern list'), ' to see every pattern.'],
  },
  'unknown-command': {
    tone: 'info',
    title: 'I don’t know that command',
    line: ['It may be from an older version of the bot. Try ', code('/pattern help'), '.'],
  },
  'ask-privately': {
    tone: 'info',
    title: 'That answer is for your eyes only',
    line: ['Ask with ', code('/pattern'), ' instead: only you will see the answer.'],
  },
};

/** The short card that tells a person about a problem: fixed wording, never an error's own text. */
export function problemCard(problem: Problem): Card {
  const { tone, title, line } = CARDS[problem];
  return { tone, title, blocks: [{ type: 'text', text: line }], groups: [] };
}

/** Shown while a slow answer is on its way. */
export const WORKING_CARD: Card = {
  tone: 'info',
  blocks: [{ type: 'text', text: ['Working on it…'] }],
  groups: [],
};
