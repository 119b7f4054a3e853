import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createPostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations.js';
import { createTestDatabase, SKIPPED_WITHOUT_POSTGRES, TEST_DATABASE_URL } from './test-database.js';

const SCHEDULER = fileURLToPath(new URL('../daily/scheduler-process.ts', import.meta.url));
const STORE_PROCESS = fileURLToPath(new URL('./store-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = '2026-11-25T09:00:30Z';

function start(
  script: string,
  args: object,
): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const lines = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL, many processes${TEST_DATABASE_URL ? '' : ` — ${SKIPPED_WITHOUT_POSTGRES}`}`,
  () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let dir: string;
    beforeEach(async () => {
      database = await createTestDatabase();
      dir = mkdtempSync(join(tmpdir(), 'pattern-bot-pg-processes-'));
    });
    afterEach(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function subscribe(count: number) {
      const store = createPostgresStore(database.url);
      for (let i = 0; i < count; i++) {
        await store.upsertSubscription(
          {
            platform: i % 2 ? 'discord' : 'slack',
            channelId: `${i % 2 ? '' : 'C'}${1000 + i}`,
            time: '09:00',
            timeZone: 'UTC',
            weekdays: EVERY_DAY,
            thread: false,
            diagram: false,
            source: 'command',
          },
          new Date('2026-11-24T00:00:00Z'),
        );
      }
      return store;
    }

    it('three scheduler processes, 200 subscriptions due in the same minute: exactly 200 posts', async () => {
      const store = await subscribe(200);
      const out = join(dir, 'posts.log');
      const goAt = Date.now() + 3000;
      const runs = await Promise.all(
        ['one', 'two', 'three'].map(
          (owner) => start(SCHEDULER, { db: database.url, out, owner, goAt, now: NOW }).done,
        ),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      const posted = lines(out).map((line) => line.split(' ')[0]);
      expect(posted).toHaveLength(200);
      expect(new Set(posted).size).toBe(200);
      const deliveries = await store.listDeliveries();
      expect(deliveries).toHaveLength(200);
      expect(deliveries.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
      // The work was shared (each process won some claims), and each post came from its claim's owner.
      const owners = new Set(deliveries.map((d) => d.claimOwner));
      expect(owners.size).toBeGreaterThan(1);
      await store.close();
    }, 60_000);

    it('kill -9 of a process mid-delivery: another takes the claim over after the timeout, one post', async () => {
      const store = await subscribe(1);
      const out = join(dir, 'posts.log');
      const dying = start(SCHEDULER, {
        db: database.url,
        out,
        owner: 'dying',
        goAt: 0,
        now: NOW,
        ticks: 1,
        stall: true,
      });
      for (let i = 0; i < 200 && lines(out).length === 0; i++) await sleep(50);
      expect(lines(out)).toEqual(['attempt slack:C1000 dying']);
      dying.child.kill('SIGKILL');
      expect((await dying.done).code).toBe(null);
      const claimedBy = (
        await store.getDelivery({ platform: 'slack', channelId: 'C1000', localDate: '2026-11-25' })
      )?.claimOwner;
      expect(claimedBy).toBe('dying');

      const started = Date.now();
      const heir = await start(SCHEDULER, {
        db: database.url,
        out,
        owner: 'heir',
        goAt: 0,
        now: NOW,
        staleClaimMs: 1500,
        ticks: 100,
        everyMs: 100,
        until: 2,
      }).done;
      expect(heir, heir.stderr).toMatchObject({ code: 0 });
      expect(lines(out)).toEqual([
        'attempt slack:C1000 dying',
        'slack:C1000 2026-11-25 thread=false heir maybeSentBefore=true',
      ]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(
        await store.getDelivery({ platform: 'slack', channelId: 'C1000', localDate: '2026-11-25' }),
      ).toMatchObject({
        status: 'sent',
        claimOwner: 'heir',
        attempts: 2,
      });
      await store.close();
    }, 60_000);

    it('four processes migrating one empty database at once: each version applied once, all start', async () => {
      const goAt = Date.now() + 2500;
      const runs = await Promise.all(
        Array.from(
          { length: 4 },
          () => start(STORE_PROCESS, { url: database.url, goAt, mode: 'migrate' }).done,
        ),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      await client.end();
      expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    }, 60_000);

    it('Slack event dedupe across two processes: each event id is new to exactly one', async () => {
      const ids = Array.from({ length: 100 }, (_, i) => `Ev${i}`);
      const goAt = Date.now() + 2500;
      const runs = await Promise.all(
        [ids, [...ids].reverse()].map(
          (order) => start(STORE_PROCESS, { url: database.url, goAt, mode: 'dedupe', ids: order }).done,
        ),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      const fresh = runs.flatMap((run) => (JSON.parse(run.stdout) as { fresh: string[] }).fresh);
      expect(fresh.sort()).toEqual([...ids].sort());
    }, 60_000);
  },
);
