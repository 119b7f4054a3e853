import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { escapeSlack, userMention } from '../../../src/adapters/slack/escape.js';
import { createEventDedupe } from '../../../src/adapters/slack/event-dedupe.js';
import { fitBlocks, truncate } from '../../../src/adapters/slack/limits.js';
import { summarizeSlackError } from '../../../src/adapters/slack/slack-error.js';
import { createSqliteStore } from '../../../src/store/sqlite.js';

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
  it('two replicas on one store answer a retried event once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-dedupe-'));
    const store = createSqliteStore(join(dir, 'bot.db'));
    try {
      const shared = (id: string, ttlMs: number) => store.seenEvent(id, ttlMs);
      const [a, b] = [createEventDedupe({ shared }), createEventDedupe({ shared })];
      expect(await a.seen('Ev1')).toBe(false); // the first delivery: answered by replica a
      expect(await b.seen('Ev1')).toBe(true); // Slack's retry lands on replica b
      expect(await a.seen('Ev1')).toBe(true);
      expect(await b.seen('Ev2')).toBe(false);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers when the shared record fails, and says so', async () => {
    const errors: unknown[] = [];
    const dedupe = createEventDedupe({
      shared: async () => {
        throw new Error('database is locked');
      },
      onSharedError: (error) => errors.push(error),
    });
    expect(await dedupe.seen('Ev1')).toBe(false);
    expect(errors).toHaveLength(1);
    expect(await dedupe.seen('Ev1')).toBe(true); // this process still remembers it
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
