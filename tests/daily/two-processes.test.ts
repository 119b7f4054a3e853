import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DailyPlatform } from '../../src/daily/poster.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { tempDatabase } from './fakes.js';

const SCRIPT = fileURLToPath(new URL('./scheduler-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANNELS = 40;

let db: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => db.cleanup());

function runProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('two scheduler processes on one database file at the same time post each channel once', async () => {
  const store = createSqliteStore(db.path);
  const expected: string[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const platform: DailyPlatform = i % 2 === 0 ? 'slack' : 'discord';
    const channelId = platform === 'slack' ? `C${1000 + i}` : `${9000 + i}`;
    await store.upsertSubscription(
      {
        platform,
        channelId,
        time: '09:00',
        timeZone: 'UTC',
        weekdays: EVERY_DAY,
        thread: i % 3 === 0,
        diagram: false,
        source: 'command',
      },
      new Date('2026-11-24T00:00:00Z'),
    );
    expected.push(`${platform}:${channelId} 2026-11-25 thread=${i % 3 === 0}`);
  }
  await store.close();

  const out = join(db.path, '..', 'posts.log');
  const goAt = Date.now() + 4000;
  const runs = await Promise.all(
    ['one', 'two'].map((owner) =>
      runProcess([JSON.stringify({ db: db.path, out, owner, goAt, now: '2026-11-25T09:00:30Z' })]),
    ),
  );
  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
  expect(runs.map((run) => JSON.parse(run.stdout).owner)).toEqual(['one', 'two']);

  const lines = readFileSync(out, 'utf8').trim().split('\n');
  expect(lines.map((line) => line.split(' ').slice(0, 3).join(' ')).sort()).toEqual(expected.sort());

  const after = createSqliteStore(db.path);
  const deliveries = await after.listDeliveries();
  await after.close();
  expect(deliveries).toHaveLength(CHANNELS);
  expect(deliveries.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
  // Each post was made by the process that holds its claim.
  const postedBy = new Map(lines.map((line) => line.split(' ')).map(([key, , , owner]) => [key, owner]));
  for (const d of deliveries) expect(postedBy.get(`${d.platform}:${d.channelId}`)).toBe(d.claimOwner);
}, 30_000);
