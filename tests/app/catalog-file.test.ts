import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalogFile, MAX_CATALOG_BYTES } from '../../src/catalog-file.js';

const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(file: string): CatalogError {
  try {
    loadCatalogFile(file);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('loading a catalog file is bounded', () => {
  it.each([
    ['a directory', dir],
    ['a device that never ends', '/dev/zero'],
  ])('refuses %s at once, by name', (_what, path) => {
    const error = problemsOf(path);
    expect(error.message).toContain(`${path}:0: not a regular file; refused`);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'catalog.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(problemsOf(fifo).message).toContain('not a regular file; refused');
  });

  it('refuses a file over the size limit unread', () => {
    const big = join(dir, 'big.tsv');
    writeFileSync(big, Buffer.alloc(MAX_CATALOG_BYTES + 1, 0x61));
    expect(problemsOf(big).message).toMatch(/big\.tsv:0: is \d+ bytes; content files are at most/);
  });

  it('lists the first hundred problems of a file full of bad lines, and counts the rest', () => {
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, `code\tslug\tname\tdescription\tcategory\n${'x\ty\n'.repeat(100_000)}`);
    const error = problemsOf(bad);
    expect(error.problems).toHaveLength(100_000);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('the catalog has 100000 problems:');
    expect(lines).toHaveLength(102);
    expect(lines[1]).toBe(`${bad}:2: expected 5 tab-separated fields, found 2`);
    expect(lines.at(-1)).toBe('…and 99900 more');
  });
});
