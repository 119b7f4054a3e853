import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentDir, MAX_CONTENT_FILE_BYTES, readContentFile } from '../../../src/content-files.js';
import { formatContentProblem } from '../../../src/core/catalog/index.js';
import { validInput } from './fixture.js';

function contentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, 'patterns'));
  const input = validInput();
  for (const file of [...input.patterns, input.glossary, input.comparisons])
    writeFileSync(join(dir, file.file), file.text);
  return dir;
}

describe('loadContentDir', () => {
  it('loads a folder of pattern files, the glossary and the comparisons', () => {
    const content = loadContentDir(contentDir());
    expect(content.problems).toEqual([]);
    expect(content.docs).toHaveLength(2);
  });

  it('refuses a directory named like a pattern file, by name', () => {
    const dir = contentDir();
    mkdirSync(join(dir, 'patterns', 'folder.yaml'));
    expect(loadContentDir(dir).problems.map(formatContentProblem)).toEqual([
      `${join(dir, 'patterns', 'folder.yaml')}: not a regular file; refused`,
    ]);
  });

  it('refuses a FIFO without opening it (an open would block)', () => {
    const dir = contentDir();
    const fifo = join(dir, 'patterns', 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(loadContentDir(dir).problems.map(formatContentProblem)).toEqual([
      `${fifo}: not a regular file; refused`,
    ]);
  });

  it('refuses a device and an oversized file before reading', () => {
    expect(readContentFile('/dev/zero')).toEqual({
      problem: { file: '/dev/zero', message: 'not a regular file; refused' },
    });
    const dir = contentDir();
    const big = join(dir, 'patterns', 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(MAX_CONTENT_FILE_BYTES)}\n`);
    expect(loadContentDir(dir).problems.map(formatContentProblem)).toEqual([
      expect.stringMatching(
        new RegExp(`^${big}: is \\d+ bytes; content files are at most ${MAX_CONTENT_FILE_BYTES}$`),
      ),
    ]);
  });

  it('reports a missing glossary and a missing patterns folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    expect(loadContentDir(dir).problems.map(formatContentProblem)).toEqual([
      `${join(dir, 'patterns')}: cannot list: ENOENT`,
      `${join(dir, 'glossary.yaml')}: missing`,
    ]);
  });

  it('places problems on lines of the real file', () => {
    const dir = contentDir();
    const input = validInput();
    const path = join(dir, 'patterns', 'alpha-pattern.yaml');
    const text = input.patterns[0]?.text.replace('kind: pattern', 'kind: recipe') ?? '';
    writeFileSync(path, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('kind:')) + 1;
    expect(loadContentDir(dir).problems.map(formatContentProblem)).toEqual([
      expect.stringContaining(`${path}:${line}: kind:`),
    ]);
  });
});
