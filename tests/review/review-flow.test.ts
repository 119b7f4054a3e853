import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import type { ActInput, AskInput } from '../../src/conversation/types.js';
import { decodeAction } from '../../src/core/card/action.js';
import { type Card, richToPlain } from '../../src/core/card/card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { createLogger } from '../../src/logger.js';
import { createReview } from '../../src/review/create-review.js';
import type { ReviewSender } from '../../src/review/review-sender.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { FakeClock, openTempStore } from '../daily/fakes.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const logger = createLogger('silent');

/** A review port that keeps what it was given to send (the adapters' own senders run in tests/integration). */
class KeptDms implements ReviewSender {
  readonly sent: { userId: string; card: Card }[] = [];
  constructor(readonly platform: 'slack' | 'discord') {}
  async sendDm(userId: string, card: Card): Promise<void> {
    this.sent.push({ userId, card });
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setUp(at = '2026-12-06T12:00:00Z') {
  const opened = openTempStore();
  cleanups.push(opened.cleanup);
  const clock = new FakeClock(new Date(at));
  const review = createReview({
    store: opened.store,
    bot,
    logger,
    clock: clock.now,
    scheduler: { tickPattern: null },
  });
  const conversation = createConversation({
    bot,
    logger,
    defaultTimeZone: 'UTC',
    clock: clock.now,
    review: review.commands,
  });
  const dms = new KeptDms('slack');
  const scheduler = review.scheduler([dms]);
  const person: AskInput = { text: '', platform: 'slack', workspaceId: 'T1', userId: 'U1', channelId: 'C1' };
  const ask = async (text: string, input: Partial<AskInput> = {}) =>
    cardToText(await conversation.ask({ ...person, ...input, text }));
  const click: ActInput = { platform: 'slack', workspaceId: 'T1', userId: 'U1', channelId: 'D1' };
  const act = async (action: string) => cardToText((await conversation.act(action, click)).card);
  return { store: opened.store, path: opened.path, clock, ask, act, dms, scheduler, review };
}

const key = { platform: 'slack', workspaceId: 'T1', userId: 'U1' } as const;
/** The Knew it / Not yet / Skip actions of the first pattern of a review card. */
function gradeButtons(card: Card) {
  const [group] = card.groups;
  const actions = (group?.buttons ?? []).map((button) => button.action);
  return {
    knew: actions[0] ?? '',
    notYet: actions[1] ?? '',
    skip: actions[2] ?? '',
    slug: decodedSlug(actions[0]),
  };
}
function decodedSlug(action: string | undefined): string {
  const decoded = decodeAction(action);
  return decoded?.type === 'review' ? decoded.slug : '';
}

describe('spaced review, from the command to the DM and the buttons', () => {
  it('is off by default; on sets weekdays at 09:00 UTC unless told otherwise; status shows it', async () => {
    const { ask } = setUp();
    expect(await ask('review')).toContain('Spaced review is off');
    const on = await ask('review on');
    expect(on).toContain('weekdays (Mon–Fri) at 09:00 (UTC)');
    expect(on).toContain('Mon 2026-12-07 09:00');
    expect(await ask('/pattern review on mon,thu at 07:30 Europe/Berlin')).toContain(
      'Mon, Thu at 07:30 (Europe/Berlin)',
    );
    expect(await ask('review')).toContain('Spaced review is on');
    expect(await ask('review on at 7')).toContain('I couldn’t read that review schedule');
  });

  it('has no DM to send in the console, and says so', async () => {
    const { ask, store } = setUp();
    expect(await ask('review on', { platform: 'console', userId: 'console' })).toContain(
      'Spaced review comes by direct message',
    );
    expect(await store.dueReviewers(new Date('2030-01-01'), { platforms: ['slack'], limit: 10 })).toEqual([]);
  });

  it('sends the due cards at the chosen time, once, and schedules each from its answer, once', async () => {
    const { ask, act, dms, scheduler, clock, store } = setUp();
    await ask('review on weekdays at 09:00 Europe/Berlin');
    clock.set('2026-12-07T07:59:00Z');
    expect(await scheduler.tick()).toBe(0);
    clock.set('2026-12-07T08:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0); // claimed: not again today
    expect(dms.sent).toHaveLength(1);
    const dm = dms.sent[0];
    expect(dm?.userId).toBe('U1');
    expect(dm?.card.groups).toHaveLength(3);
    expect(dm?.card.eyebrow).toContain('2026-12-07');
    expect(richToPlain(dm?.card.footnote ?? [])).toContain('more due');
    const first = gradeButtons(dm?.card as Card);
    const name = bot.bySlug(first.slug)?.name ?? '';

    clock.set('2026-12-07T08:05:00Z');
    const [one, two] = await Promise.all([act(first.knew), act(first.knew)]);
    const answers = [one, two];
    expect(answers.filter((text) => text.includes(`${name}: Knew it`))).toHaveLength(1);
    expect(answers.filter((text) => text.includes(`${name}: already answered`))).toHaveLength(1);
    expect(await act(first.notYet)).toContain('already answered'); // a second button of the same prompt
    const card = (await store.listReviewCards(key)).find((row) => row.slug === first.slug);
    expect(card?.answeredDate).toBe('2026-12-07');
    expect(card?.dueAt.getTime()).toBeGreaterThan(new Date('2026-12-08T00:00:00Z').getTime());

    expect(await ask('review')).toContain('Patterns you have reviewed: 1.');
    const second = dm?.card.groups[1]?.buttons ?? [];
    expect(await act(second[2]?.action ?? '')).toContain('Skipped');
    const skipped = (await store.listReviewCards(key)).find(
      (row) => row.slug === decodedSlug(second[0]?.action),
    );
    expect(skipped?.dueAt).toEqual(new Date('2026-12-07T08:00:00Z')); // unchanged: still due

    // The next weekday: the skipped card and the unanswered one come back; the known one does not.
    clock.set('2026-12-08T08:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    const slugs = (dms.sent[1]?.card.groups ?? []).map((group) => decodedSlug(group.buttons[0]?.action));
    expect(slugs).not.toContain(first.slug);
    expect(slugs).toContain(decodedSlug(second[0]?.action));
  });

  it('review off turns it off and deletes the person’s review data; old buttons say so', async () => {
    const { ask, act, dms, scheduler, clock, store } = setUp();
    await ask('review on 09:00 UTC');
    clock.set('2026-12-07T09:00:00Z');
    await scheduler.tick();
    expect(await store.listReviewCards(key)).toHaveLength(3);
    const off = await ask('review off', { channelId: 'C-elsewhere' });
    expect(off).toContain('Your review schedule and progress are deleted');
    expect(await store.getReviewer(key)).toBeUndefined();
    expect(await store.listReviewCards(key)).toEqual([]);
    expect(await act(gradeButtons(dms.sent[0]?.card as Card).knew)).toContain('before review was turned off');
    expect(await store.listReviewCards(key)).toEqual([]);
    expect(await ask('review off')).toContain('There was no review data to delete');
    clock.set('2026-12-08T09:00:00Z');
    expect(await scheduler.tick()).toBe(0);
  });

  it('sends one DM when two processes tick at once over one database', async () => {
    const { ask, clock, path, scheduler, dms } = setUp();
    for (const user of ['U1', 'U2', 'U3']) await ask('review on 09:00 UTC', { userId: user });
    const other: Store = createSqliteStore(path);
    cleanups.push(() => other.close());
    const otherDms = new KeptDms('slack');
    const otherScheduler = createReview({
      store: other,
      bot,
      logger,
      clock: clock.now,
      scheduler: { tickPattern: null },
    }).scheduler([otherDms]);
    clock.set('2026-12-07T09:00:00Z');
    const [a, b] = await Promise.all([scheduler.tick(), otherScheduler.tick()]);
    expect(a + b).toBe(3);
    expect([...dms.sent, ...otherDms.sent].map((dm) => dm.userId).sort()).toEqual(['U1', 'U2', 'U3']);
  });
});

describe('review delivery, edge by edge', () => {
  it('follows the zone across a daylight-saving change: 09:00 New York is 13:00Z before, 14:00Z after', async () => {
    const { ask, clock, scheduler, dms } = setUp('2026-10-29T12:00:00Z');
    await ask('review on every-day at 09:00 America/New_York');
    clock.set('2026-10-31T13:00:00Z'); // Saturday, still EDT
    expect(await scheduler.tick()).toBe(1);
    clock.set('2026-11-01T13:00:00Z'); // Sunday, EST from 06:00Z: 08:00 local, too early
    expect(await scheduler.tick()).toBe(0);
    clock.set('2026-11-01T14:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    expect(dms.sent.map((dm) => dm.card.eyebrow)).toEqual([
      'Spaced review · 2026-10-31',
      'Spaced review · 2026-11-01',
    ]);
  });

  it('sends the others when a DM fails, tries it again every 5 minutes, and gives up after an hour', async () => {
    const { ask, clock, review } = setUp();
    for (const userId of ['U1', 'U2', 'U3']) await ask('review on 09:00 UTC', { userId });
    const sent: string[] = [];
    let failures = 1; // U2's first try fails
    let u3Tries = 0; // U3's always fail
    const flaky: ReviewSender = {
      platform: 'slack',
      async sendDm(userId) {
        if (userId === 'U2' && failures-- > 0) throw new Error('ratelimited');
        if (userId === 'U3' && ++u3Tries > 0) throw new Error('cannot_dm_bot');
        sent.push(userId);
      },
    };
    const scheduler = review.scheduler([flaky]);
    clock.set('2026-12-07T09:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    clock.set('2026-12-07T09:04:00Z');
    expect(await scheduler.tick()).toBe(0);
    clock.set('2026-12-07T09:05:00Z');
    expect(await scheduler.tick()).toBe(1);
    expect(sent).toEqual(['U1', 'U2']);
    for (let minute = 10; minute <= 90; minute += 5) {
      clock.set(new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString());
      await scheduler.tick();
    }
    expect(u3Tries).toBe(13); // 09:00, then every 5 minutes to 10:00
    const u3 = await review.commands.run(
      { type: 'status' },
      { platform: 'slack', workspaceId: 'T1', userId: 'U3' },
    );
    expect(u3).toMatchObject({
      outcome: 'status-on',
      schedule: { nextAt: new Date('2026-12-08T09:00:00Z') },
    });
  });

  it('answers a button of a pattern that left the catalog, and a forged one, with a notice', async () => {
    const { ask, act } = setUp();
    await ask('review on');
    expect(await act('p1:["r","no-such-pattern","2026-12-07","k"]')).toContain('no longer in the catalog');
    expect(await act('p1:["r","saga-pattern","2026-12-07","x"]')).toContain('That button no longer works');
  });
});
