import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { openTempStore } from '../daily/fakes.js';

const size = (file: string) => statSync(file).size;

describe('SQLite checkpoints off the main thread', () => {
  it('copies the WAL into the database file from its own thread, with no commit doing it', async () => {
    const { path, store, cleanup } = openTempStore();
    await store.ready();
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the migrations' pages, checkpointed
    const before = size(path);
    for (let i = 0; i < 400; i++) {
      await store.upsertSubscription(
        {
          platform: 'slack',
          channelId: `C${100000 + i}`,
          time: '09:00',
          timeZone: 'UTC',
          weekdays: EVERY_DAY,
          thread: false,
          diagram: false,
          source: 'command',
        },
        new Date('2026-12-01T00:00:00Z'),
      );
    }
    // Written to the WAL only: no commit checkpoints any more (the default would at 1,000 pages).
    expect(size(`${path}-wal`)).toBeGreaterThan(0);
    const grown = await new Promise<number>((resolve) => {
      const started = Date.now();
      const look = () =>
        size(path) > before || Date.now() - started > 5000 ? resolve(size(path)) : setTimeout(look, 50);
      look();
    });
    expect(grown).toBeGreaterThan(before);
    expect((await store.listSubscriptions()).length).toBe(400);
    await cleanup();
  });
});
