import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTs } from '../helpers/run.js';

const cli = (args: string[], options: Parameters<typeof runTs>[2] = {}) => runTs('src/cli.ts', args, options);

describe('cli', () => {
  it('ask --json prints the answer as one JSON object', async () => {
    const { code, stdout } = await cli(['ask', 'circuit braker', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({
      kind: 'pattern',
      patterns: [
        {
          code: '10',
          slug: 'circuit-breaker-pattern',
          name: 'Circuit Breaker Pattern',
          category: 'Fault Tolerance Pattern',
        },
      ],
    });
  });

  it('ask - answers one query a line, one JSON line each', async () => {
    const { code, stdout } = await cli(['ask', '-', '--json'], {
      input: 'saga\ncompare cqrs event sourcing\npizza\nlist\n',
    });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((a) => a.kind)).toEqual(['pattern', 'compare', 'none', 'list']);
    expect(lines[1].patterns.map((p: { slug: string }) => p.slug)).toEqual([
      'cqrs-pattern',
      'event-sourcing-pattern',
    ]);
  });

  it('ask without --json prints the console text', async () => {
    const { stdout } = await cli(['ask', 'saga']);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'Saga Pattern',
      '06 · Design pattern · Transaction Pattern · advanced',
    ]);
  });

  it('search --json prints ranked hits with scores', async () => {
    const { stdout } = await cli(['search', 'event', '--json']);
    const { hits } = JSON.parse(stdout);
    expect(hits[0]).toMatchObject({ slug: 'event-driven-architecture', score: 1, matchedBy: 'exact' });
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('today --date prints that date’s pattern, the same as the core’s rotation', async () => {
    const a = await cli(['today', '--date', '2026-12-01', '--json']);
    const b = await cli(['today', '--date', '2026-12-02', '--json']);
    expect(JSON.parse(a.stdout)).toMatchObject({ kind: 'pattern', source: 'today', date: '2026-12-01' });
    expect(JSON.parse(a.stdout).patterns[0].slug).not.toBe(JSON.parse(b.stdout).patterns[0].slug);
    const bad = await cli(['today', '--date', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });

  it('validate reports every problem with file and line and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, 'code\tslug\tname\tdescription\tcategory\n01\tok-one\tOne\tD\tC\n01\tBad\tTwo\tD\n');
    const { code, stderr } = await cli(['validate', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:3: expected 5 tab-separated fields, found 4`);
    const good = await cli(['validate']);
    expect(good).toMatchObject({
      code: 0,
      stdout:
        'data/patterns.tsv: 12 patterns, no problems\ndata: 12 pattern files, 32 glossary terms, 11 pair notes, no problems\n',
    });
  });

  it('a bad variable is named and nothing else runs', async () => {
    const { code, stderr, stdout } = await cli(['ask', 'saga'], { env: { PORT: 'x' } });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: must be a port number');
    expect(stdout).toBe('');
  });
});

describe('npm start (src/main.ts)', () => {
  it('with no platform and no terminal, exits 2 naming the variables to set', async () => {
    const { code, stderr } = await runTs('src/main.ts', []);
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('DISCORD_TOKEN');
  });

  it('with a bad catalog, lists its problems and exits 1 before connecting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'main-'));
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, 'code\tslug\tname\n');
    const { code, stderr } = await runTs('src/main.ts', [], { env: { PATTERNS_FILE: file } });
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:1: missing header column "description"`);
  });
});
