import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests may use (`.ci/run` starts one); unset, those tests are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const SKIPPED_WITHOUT_POSTGRES =
  'skipped: no TEST_DATABASE_URL (scripts/pg-test-server.sh, as .ci/run does)';

/** A fresh, empty database on the test server; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
