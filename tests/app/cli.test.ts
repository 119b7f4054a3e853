import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { ROOT, runTs } from '../helpers/run.js';

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
        'data/patterns.tsv: 12 patterns, no problems\ndata: 12 pattern files, 27 glossary terms, 11 pair notes, no problems\n',
    });
  });

  it('diagram prints the text diagram, writes the picture with --out, and refuses an unknown pattern', async () => {
    const text = await cli(['diagram', 'saga']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('create order ──▶ charge card ──▶ reserve stock');
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'saga.png');
    const written = await cli(['diagram', 'saga', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/saga\.png: Saga Pattern, \d+ × \d+ px/);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    const unknown = await cli(['diagram', 'pizza oven']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no pattern "pizza oven"');
  }, 30_000);

  it('validate reports a DOT source that does not draw by file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    cpSync(join(ROOT, 'data'), dir, { recursive: true, filter: (src) => !/\.db(-\w+)?$/.test(src) });
    const file = join(dir, 'patterns', 'saga-pattern.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('create -> charge -> reserve;', 'create -> -> reserve;'),
    );
    const { code, stderr } = await cli(['validate', join(dir, 'patterns.tsv')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:diagram.dot: does not draw: `);
    expect(stderr).toContain('1 problems in');
  }, 30_000);

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

describe('cli misses', () => {
  async function seeded(): Promise<string> {
    const path = join(mkdtempSync(join(tmpdir(), 'pattern-bot-cli-misses-')), 'bot.db');
    const store = createSqliteStore(path);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    await store.recordMiss('raft leader election', ago(20));
    await store.recordMiss('raft leader election', ago(1));
    await store.recordMiss('zanzibar', ago(2));
    await store.recordMiss('zanzibar', ago(2));
    await store.recordMiss('zanzibar', ago(2));
    await store.recordMiss('bulkhead', ago(10));
    await store.close();
    return path;
  }

  it('--json lists the misses since then, most frequent first, with counts, first and last seen', async () => {
    const path = await seeded();
    const { code, stdout } = await cli(['misses', '--since', '7d', '--json'], {
      env: { DATABASE_PATH: path },
    });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.misses.map((m: { text: string; count: number }) => [m.text, m.count])).toEqual([
      ['zanzibar', 3],
      ['raft leader election', 2],
    ]);
    const raft = result.misses[1];
    expect(Date.parse(raft.lastSeen) - Date.parse(raft.firstSeen)).toBeGreaterThan(18 * 86_400_000);
    expect(Date.now() - Date.parse(result.since)).toBeGreaterThan(7 * 86_400_000 - 60_000);
  });

  it('prints a table by default, over MISS_LOG_DAYS, and says when there is nothing', async () => {
    const path = await seeded();
    const { stdout } = await cli(['misses'], { env: { DATABASE_PATH: path, MISS_LOG_DAYS: '30' } });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ +count +first seen \(UTC\) +last seen +text$/);
    expect(lines.slice(1).map((line) => line.split(/ {2,}/).at(-1))).toEqual([
      'zanzibar',
      'raft leader election',
      'bulkhead',
    ]);
    const empty = await cli(['misses', '--since', '12h'], { env: { DATABASE_PATH: path } });
    expect(empty.stdout).toMatch(/^no misses since \d{4}-/);
  });

  it('refuses a bad --since with a clear error', async () => {
    const { code, stderr, stdout } = await cli(['misses', '--since', 'last week']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      '--since must be a span such as 24h, 7d or 2w, or a date written YYYY-MM-DD, got "last week"',
    );
  });

  it('the console chat keeps the miss log in the configured store, and shows it with stats', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pattern-bot-cli-chat-')), 'bot.db');
    const { code, stdout } = await cli(['chat'], {
      env: { DATABASE_PATH: path },
      input: 'zanzibar pizza oven\nsaga\nstats\n',
    });
    expect(code).toBe(0);
    const report = stdout.slice(stdout.indexOf('What people asked in the last 30 days'));
    expect(report).toContain('Saga Pattern · 1×');
    expect(report).toContain('“zanzibar pizza oven” · 1×');
    const off = await cli(['chat'], {
      env: { DATABASE_PATH: path, MISS_LOG: 'off' },
      input: 'stats\n',
    });
    expect(off.stdout).toContain('No stats here');
  });
});
