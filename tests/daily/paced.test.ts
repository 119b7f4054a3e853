import { describe, expect, it } from 'vitest';
import { paced } from '../../src/daily/paced.js';
import type { DailyPoster } from '../../src/daily/poster.js';

function recordingPoster(): { poster: DailyPoster; startedAt: number[] } {
  const startedAt: number[] = [];
  return {
    startedAt,
    poster: {
      platform: 'slack',
      async post(channelId) {
        startedAt.push(performance.now());
        return { messageId: channelId };
      },
      async checkCanPost() {
        return { ok: true };
      },
    },
  };
}

const options = { idempotencyKey: 'k', maybeSentBefore: false } as never;

describe('paced daily posts', () => {
  it('starts at most the given number a second, spread over the second', async () => {
    const { poster, startedAt } = recordingPoster();
    const slow = paced(poster, 40, new AbortController().signal);
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => slow.post(`C${i}`, { blocks: [] } as never, options)),
    );
    // 20 posts at 40 a second: the last starts about half a second in, none all at once.
    expect((startedAt.at(-1) ?? 0) - begin).toBeGreaterThan(380);
    const firstTenth = startedAt.filter((t) => t - begin < 100).length;
    expect(firstTenth).toBeLessThanOrEqual(8);
  });

  it('is the poster itself when unpaced, and a stop rejects the posts still waiting', async () => {
    const { poster } = recordingPoster();
    expect(paced(poster, undefined, new AbortController().signal)).toBe(poster);
    const stop = new AbortController();
    const slow = paced(poster, 2, stop.signal);
    const posts = Array.from({ length: 6 }, (_, i) => slow.post(`C${i}`, { blocks: [] } as never, options));
    stop.abort(new Error('stopping'));
    const settled = await Promise.allSettled(posts);
    expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThanOrEqual(4);
  });
});
