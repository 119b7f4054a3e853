/** Fresh stores for the benchmarks: SQLite in a temp file, PostgreSQL as a new database on a server, dropped after. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../src/store/postgres.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';

export interface Backend {
  readonly name: string;
  open(): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

export const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-bench-'));
    const store = createSqliteStore(join(dir, 'bot.db'));
    await store.ready();
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export function postgres(url: string): Backend {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async open() {
      const name = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await admin(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const store = createPostgresStore(target.toString(), { poolSize: 16 });
      await store.ready();
      return {
        store,
        cleanup: async () => {
          await store.close();
          await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
  };
}
