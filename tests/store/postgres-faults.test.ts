import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres.js';
import { StorageError } from '../../src/store/storage-error.js';
import { TEST_DATABASE_URL } from './test-database.js';

async function failure(url: string, connectTimeoutMs = 1_000): Promise<StorageError> {
  const store = createPostgresStore(url, { connectTimeoutMs });
  const error = await store.ready().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  await store.close();
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('DATABASE_URL faults, named and explained', () => {
  it('nothing listening: refused, naming the server and never the password', async () => {
    const port = await closedPort();
    const error = await failure(`postgres://bot:s3cret@127.0.0.1:${port}/bot`);
    expect(error).toMatchObject({ fault: 'refused', variable: 'DATABASE_URL' });
    expect(error.message).toMatch(
      new RegExp(`^DATABASE_URL: PostgreSQL at 127\\.0\\.0\\.1:${port}/bot refused the connection`),
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('a server that accepts but never answers: unreachable within the connect timeout', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 1;
    const started = Date.now();
    try {
      const error = await failure(`postgres://bot@127.0.0.1:${port}/bot`, 500);
      expect(error.fault).toBe('unreachable');
      expect(error.message).toContain('within 0.5 s');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });

  it.skipIf(!TEST_DATABASE_URL)('a database that does not exist (needs TEST_DATABASE_URL)', async () => {
    const url = new URL(TEST_DATABASE_URL as string);
    url.pathname = '/no_such_database';
    const error = await failure(url.toString());
    expect(error.fault).toBe('rejected');
    expect(error.message).toMatch(/does not exist .* Create it/);
  });
});
