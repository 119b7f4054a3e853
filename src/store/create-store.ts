import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createPostgresStore, type PostgresStoreOptions } from './postgres.js';
import { createSqliteStore, type SqliteStoreOptions } from './sqlite.js';
import type { Store } from './store.js';

export interface CreateStoreOptions {
  readonly logger?: Logger;
  readonly sqlite?: SqliteStoreOptions;
  readonly postgres?: Omit<PostgresStoreOptions, 'logger'>;
}

/**
 * The store the config names: PostgreSQL when `DATABASE_URL` is set, else the SQLite file at
 * `DATABASE_PATH`. Returns at once; connecting and migrating happen in the background, and
 * `ready()` (or the first call) rejects with a StorageError naming the cause.
 */
export function createStore(
  config: Pick<Config, 'databasePath' | 'databaseUrl'>,
  options: CreateStoreOptions = {},
): Store {
  if (config.databaseUrl) {
    return createPostgresStore(config.databaseUrl, {
      ...options.postgres,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
  return createSqliteStore(config.databasePath, options.sqlite);
}

/** `createStore`, then waits until it is ready: what the composition root calls at start-up. */
export async function openStore(
  config: Pick<Config, 'databasePath' | 'databaseUrl'>,
  options: CreateStoreOptions = {},
): Promise<Store> {
  const store = createStore(config, options);
  try {
    await store.ready();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
