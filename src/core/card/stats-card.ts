import { assertNever, type StatsAnswer } from '../answer.js';
import type { Card, CardBlock, Rich } from './card.js';
import { code, strong } from './card.js';

/** How many patterns and misses a stats card lists, at most (the conversation asks for this many). */
export const STATS_ROWS = 10;

const times = (count: number) => ` · ${count}×`;

function notice(title: string, line: Rich): Card {
  return { tone: 'info', title, blocks: [{ type: 'text', text: line }], groups: [], private: true };
}

function listOr(label: string, items: readonly Rich[], empty: string): CardBlock {
  return items.length > 0
    ? { type: 'list', label, items }
    : { type: 'text', text: [strong(label), ` ${empty}`] };
}

/**
 * The wording of every `stats` outcome: for the asker alone (`private`), since it shows what people
 * asked across the deployment.
 */
export function statsCard(answer: StatsAnswer): Card {
  switch (answer.outcome) {
    case 'report':
      return {
        tone: 'info',
        title: `What people asked in the last ${answer.days} ${answer.days === 1 ? 'day' : 'days'}`,
        blocks: [
          listOr(
            'Most asked patterns',
            answer.asked.map((a): Rich => [strong(a.pattern.name), times(a.count)]),
            'None yet.',
          ),
          listOr(
            'Most frequent misses (no answer, or only “did you mean”)',
            answer.misses.map((m): Rich => [`“${m.text}”`, times(m.count)]),
            'None: every question found its pattern.',
          ),
        ],
        groups: [],
        footnote: [
          'Only you can see this. The whole log, for the catalog’s owners: ',
          code('npm run --silent cli -- misses'),
          '.',
        ],
        private: true,
      };
    case 'forbidden':
      return notice('Only channel managers can see the stats', [
        answer.platform === 'discord'
          ? 'Ask someone with the Manage Channels permission here.'
          : 'Ask a workspace admin.',
      ]);
    case 'unavailable':
      return notice('No stats here', ['This deployment keeps no miss log, so there is nothing to show.']);
    default:
      return assertNever(answer);
  }
}
