import { describe, expect, it } from 'vitest';
import { deliveryKey, discordNonce, PostError, toPostError } from '../../src/daily/poster.js';

describe('the poster seam', () => {
  it('keys a delivery by platform, channel and local date', () => {
    expect(deliveryKey('discord', '42', '2026-11-25')).toBe('daily:discord:42:2026-11-25');
  });

  it('derives a Discord nonce of 25 characters, the same every time, different per delivery', () => {
    const nonce = discordNonce(deliveryKey('discord', '42', '2026-11-25'));
    expect(nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(discordNonce(deliveryKey('discord', '42', '2026-11-25'))).toBe(nonce);
    expect(discordNonce(deliveryKey('discord', '42', '2026-11-26'))).not.toBe(nonce);
  });

  it('treats an error an adapter did not classify as retryable', () => {
    const permanent = new PostError('permanent', '10003', 'Unknown Channel');
    expect(toPostError(permanent)).toBe(permanent);
    expect(toPostError(new Error('socket hang up'))).toMatchObject({
      kind: 'retryable',
      code: 'unknown',
      message: 'socket hang up',
    });
    expect(new PostError('retryable', 'http_429', 'slow down', { retryAfterMs: 1500 }).retryAfterMs).toBe(
      1500,
    );
  });
});
