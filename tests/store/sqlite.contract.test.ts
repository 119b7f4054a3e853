import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './contract.js';

describe('SQLite store (the contract)', () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-store-'));
    const path = join(dir, 'data', 'bot.db');
    const store = createSqliteStore(path);
    return {
      store,
      second: () => createSqliteStore(path),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
