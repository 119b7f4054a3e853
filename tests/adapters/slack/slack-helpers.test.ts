import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { escapeSlack, userMention } from '../../../src/adapters/slack/escape.js';
import { createEventDedupe } from '../../../src/adapters/slack/event-dedupe.js';
import { fitBlocks, truncate } from '../../../src/adapters/slack/limits.js';
import { summarizeSlackError } from '../../../src/adapters/slack/slack-error.js';

describe('escaping', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeSlack('<!channel> & <@U123> *bold* “q”')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; *bold* “q”',
    );
  });

  it('mentions only real user IDs', () => {
    expect(userMention('U0123ABC')).toBe('<@U0123ABC>');
    expect(userMention('!channel')).toBeUndefined();
    expect(userMention('U1> <!here')).toBeUndefined();
  });
});

describe('truncate and fitBlocks', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('never cuts inside an emoji or an entity', () => {
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('ab&amp;cd', 6)).toBe('ab…');
  });

  it('keeps the footer and says how much of the body was dropped', () => {
    expect(fitBlocks([1, 2, 3, 4, 5], [9], (n) => -n, 4)).toEqual([1, 2, -3, 9]);
    expect(fitBlocks([1, 2], [9], (n) => -n, 4)).toEqual([1, 2, 9]);
  });
});

describe('createEventDedupe', () => {
  it('sees an id once within the time to live, again after it', () => {
    let now = 1_764_000_000_000; // a real clock reading (lru-cache treats a start time of 0 as "no time")
    const dedupe = createEventDedupe({ ttlMs: 1000, now: () => now });
    expect(dedupe.seen('Ev1')).toBe(false);
    now += 900;
    expect(dedupe.seen('Ev1')).toBe(true);
    now += 600;
    expect(dedupe.seen('Ev1')).toBe(false);
    expect(dedupe.seen('Ev1')).toBe(true);
  });

  it('stays bounded, forgetting the oldest first', () => {
    const dedupe = createEventDedupe({ max: 3, now: () => 1_764_000_000_000 });
    for (const id of ['a', 'b', 'c', 'd']) dedupe.seen(id);
    expect(dedupe.size).toBe(3);
    expect(dedupe.seen('d')).toBe(true);
    expect(dedupe.seen('a')).toBe(false);
  });
});

describe('summarizeSlackError', () => {
  it('names the Slack error code and status, never the message', () => {
    expect(
      summarizeSlackError(new webApi.WebAPIPlatformError({ ok: false, error: 'not_in_channel' })),
    ).toEqual({
      slackError: 'not_in_channel',
    });
    expect(summarizeSlackError(new webApi.WebAPIHTTPError(500, 'x', {}))).toEqual({
      slackError: 'http_error',
      status: 500,
    });
    expect(summarizeSlackError(new webApi.WebAPIRateLimitedError(30))).toEqual({
      slackError: 'rate_limited',
      status: 429,
      retryAfter: 30,
    });
    expect(summarizeSlackError(new TypeError('xoxb-secret'))).toEqual({ slackError: 'TypeError' });
  });
});
