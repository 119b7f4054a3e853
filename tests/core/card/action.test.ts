import { describe, expect, it } from 'vitest';
import { type Action, decodeAction, encodeAction, MAX_ACTION_LENGTH } from '../../../src/core/card/action.js';
import { answerToRef, refToAnswer } from '../../../src/core/card/answer-ref.js';
import { answerToCard } from '../../../src/core/card/answer-to-card.js';
import { realBot } from '../../helpers/catalog.js';

const bot = realBot();

describe('the action codec', () => {
  it('round-trips every kind of action, within 100 characters', () => {
    const actions: Action[] = [
      { type: 'show', slug: 'saga-pattern' },
      { type: 'share', ref: { k: 'pattern', slug: 'saga-pattern', source: 'lookup' } },
      { type: 'share', ref: { k: 'pattern', slug: 'saga-pattern', source: 'today', date: '2026-12-04' } },
      { type: 'share', ref: { k: 'pattern', slug: 'saga-pattern', source: 'random' } },
      { type: 'share', ref: { k: 'compare', slugs: ['cqrs-pattern', 'event-sourcing-pattern'] } },
      { type: 'share', ref: { k: 'list' } },
      { type: 'share', ref: { k: 'category', category: 'Fault Tolerance Pattern' } },
      {
        type: 'share',
        ref: { k: 'none', query: 'pizza "quoted"', reason: 'no-match', suggestions: ['saga-pattern'] },
      },
      { type: 'share', ref: { k: 'help' } },
      { type: 'review', slug: 'saga-pattern', date: '2026-12-07', grade: 'knew' },
      { type: 'review', slug: 'saga-pattern', date: '2026-12-07', grade: 'not-yet' },
      { type: 'review', slug: 'saga-pattern', date: '2026-12-07', grade: 'skip' },
    ];
    for (const action of actions) {
      const encoded = encodeAction(action);
      expect(encoded, JSON.stringify(action)).toBeDefined();
      expect((encoded ?? '').length).toBeLessThanOrEqual(MAX_ACTION_LENGTH);
      expect(decodeAction(encoded)).toEqual(action);
    }
  });

  it('gives no action when it would not fit, rather than a cut one', () => {
    expect(encodeAction({ type: 'show', slug: 'x'.repeat(120) })).toBeUndefined();
    const long = {
      k: 'none',
      query: 'q'.repeat(80),
      reason: 'no-match',
      suggestions: ['a-b-c-d-e-f'],
    } as const;
    expect(encodeAction({ type: 'share', ref: long })).toBeUndefined();
  });

  it('decodes the buttons of the release before it: Discord pattern:show and Slack open_pattern', () => {
    expect(decodeAction('pattern:show:saga-pattern')).toEqual({ type: 'show', slug: 'saga-pattern' });
    expect(decodeAction('pattern:share:cqrs-pattern')).toEqual({ type: 'show', slug: 'cqrs-pattern' });
    expect(decodeAction('open_pattern:outbox-pattern')).toEqual({ type: 'show', slug: 'outbox-pattern' });
  });

  it.each([
    [undefined],
    [null],
    [42],
    [{}],
    [''],
    ['p1:'],
    ['p1:{'],
    ['p1:null'],
    ['p1:["o"]'],
    ['p1:["o",7]'],
    ['p1:["s","p","saga-pattern","x"]'],
    ['p1:["s","p","saga-pattern","t","yesterday"]'],
    ['p1:["s","zz"]'],
    ['p1:["o","__proto__"]'.replace('__proto__', 'x'.repeat(81))],
    ['pattern:delete:saga-pattern'],
    ['{"k":"p","s":"saga-pattern","o":"lookup"}'],
    [`p1:["o","${'a'.repeat(200)}"]`],
  ])('refuses %j', (value) => {
    expect(decodeAction(value)).toBeUndefined();
  });

  it('encodes the Share of every card of the catalog, and the ref rebuilds the same card', () => {
    const answers = [
      ...bot.patterns.map((p) => bot.patternAnswer(p.slug)),
      bot.todayAnswer('2026-12-04'),
      bot.answer('list'),
      bot.answer('help'),
      bot.answer('compare saga outbox'),
      ...bot.groups().map((g) => bot.answer(`category ${g.category}`)),
    ];
    for (const answer of answers) {
      if (!answer) throw new Error('missing answer');
      const card = answerToCard(answer);
      expect(card.share, answer.kind).toBeDefined();
      const ref = answerToRef(answer);
      if (!ref) throw new Error('no ref');
      const rebuilt = refToAnswer(ref, bot);
      expect(rebuilt && answerToCard(rebuilt)).toEqual(card);
    }
  });

  it('a ref to a pattern that left the catalog rebuilds nothing', () => {
    expect(refToAnswer({ k: 'pattern', slug: 'gone-pattern', source: 'lookup' }, bot)).toBeUndefined();
    expect(refToAnswer({ k: 'compare', slugs: ['saga-pattern', 'gone'] }, bot)).toBeUndefined();
    expect(refToAnswer({ k: 'category', category: 'Gone' }, bot)).toBeUndefined();
  });
});

describe('review buttons', () => {
  it('reject a forged grade or date', () => {
    expect(decodeAction('p1:["r","saga-pattern","2026-12-07","e"]')).toBeUndefined();
    expect(decodeAction('p1:["r","saga-pattern","yesterday","k"]')).toBeUndefined();
    expect(decodeAction('p1:["r","saga-pattern","2026-12-07"]')).toBeUndefined();
  });
});
