import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../src/adapters/slack/decode.js';

const BOT = 'U0BOT';

describe('decodeSlackText', () => {
  it.each([
    ['saga for <@U0123ABCD|alice> in <#C1|general>', 'saga for @alice in #general'],
    ['<@U0123ABCD> and <#C123>', '@user and #channel'],
    ['ping <!subteam^S1|@team> now', 'ping @team now'],
    ['ping <!subteam^S1>', 'ping @group'],
    ['<!channel> <!here> <!everyone>', '@channel @here @everyone'],
    ['<!here|here> hi', '@here hi'],
    ['on <!date^1392734382^{date_pretty}|Feb 18, 2014> we shipped', 'on Feb 18, 2014 we shipped'],
    ['see <https://example.com|the label>', 'see the label'],
    ['see <https://x>', 'see https://x'],
    ['mail <mailto:a@b.c|a@b.c> or <mailto:d@e.f>', 'mail a@b.c or d@e.f'],
    ['what is &lt;script&gt;?', 'what is <script>?'],
    ['R&amp;D &amp; ops', 'R&D & ops'],
    ['<https://x.example/?a=1&amp;b=2|a &amp; b>', 'a & b'],
  ])('%s → %s', (raw, plain) => {
    expect(decodeSlackText(raw, BOT)).toBe(plain);
  });

  it('removes the bot’s own mention, labelled or not, wherever it is', () => {
    expect(decodeSlackText(`<@${BOT}> what is cqrs?`, BOT)).toBe('what is cqrs?');
    expect(decodeSlackText(`hey <@${BOT}|pattern-bot>, saga`, BOT)).toBe('hey , saga');
    expect(decodeSlackText(`<@${BOT}>`, BOT)).toBe('');
  });

  it('keeps another bot’s mention as a neutral word when the bot’s id is unknown', () => {
    expect(decodeSlackText(`<@${BOT}> saga`)).toBe('@user saga');
  });

  it('decodes each entity exactly once', () => {
    expect(decodeSlackText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
    expect(decodeSlackText('&amp;amp;')).toBe('&amp;');
  });

  it('leaves an unknown entity and stray text as they are', () => {
    expect(decodeSlackText('a &quot; b &nbsp; c')).toBe('a &quot; b &nbsp; c');
  });

  it('reads no more than the cap, and drops a token the cut left open', () => {
    const huge = `saga ${'x'.repeat(400_000)}`;
    expect(decodeSlackText(huge).length).toBeLessThanOrEqual(4000);
    expect(decodeSlackText(`${'a'.repeat(10)} <@U0123ABCD|alice>`, BOT, 14)).toBe('a'.repeat(10));
  });

  it('never cuts an emoji in half', () => {
    const out = decodeSlackText(`${'a'.repeat(9)}🧩🧩`, BOT, 10);
    expect(out).toBe('a'.repeat(9));
  });

  it('collapses whitespace (newlines in a DM) and trims', () => {
    expect(decodeSlackText('  saga\n\n  pattern\t')).toBe('saga pattern');
  });

  it('answers anything that is not a string with empty text', () => {
    expect(decodeSlackText(42)).toBe('');
    expect(decodeSlackText(null)).toBe('');
    expect(decodeSlackText(undefined)).toBe('');
  });

  it('is fast on a huge DM: the cap comes before any work', () => {
    const huge = '<@U1|a> &amp; '.repeat(40_000);
    const start = performance.now();
    decodeSlackText(huge, BOT);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
