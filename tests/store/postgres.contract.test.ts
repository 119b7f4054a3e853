import { describe } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres.js';
import { storeContract } from './contract.js';
import { createTestDatabase, SKIPPED_WITHOUT_POSTGRES, TEST_DATABASE_URL } from './test-database.js';

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL store (the contract)${TEST_DATABASE_URL ? '' : ` — ${SKIPPED_WITHOUT_POSTGRES}`}`,
  () => {
    storeContract(async () => {
      const database = await createTestDatabase();
      const store = createPostgresStore(database.url);
      return {
        store,
        second: () => createPostgresStore(database.url),
        cleanup: async () => {
          await store.close();
          await database.drop();
        },
      };
    });
  },
);
