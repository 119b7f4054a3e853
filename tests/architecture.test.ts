import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
}

const PLATFORM_SDK = /^(?:@slack\/|discord\.js$|@discordjs\/|discord-api-types)/;
const files = sourceFiles(SRC);
const rel = (file: string) => relative(ROOT, file);
/** Where a relative import of `file` points, from the project root. */
const target = (file: string, spec: string) => rel(resolve(dirname(file), spec));

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(files.some((f) => rel(f) === 'src/core/bot.ts')).toBe(true);
  });

  it('the core imports no platform SDK, no adapter, no I/O and no process.env', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => rel(f).startsWith('src/core/'))) {
      for (const spec of imports(file)) {
        if (
          PLATFORM_SDK.test(spec) ||
          spec.startsWith('node:') ||
          (spec.startsWith('.') && !target(file, spec).startsWith('src/core/'))
        ) {
          offences.push(`${rel(file)} imports ${spec}`);
        }
      }
      if (/process\.env/.test(readFileSync(file, 'utf8'))) offences.push(`${rel(file)} reads process.env`);
    }
    expect(offences).toEqual([]);
  });

  it('conversation/ and daily/ import no platform SDK and no adapter', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => /^src\/(?:conversation|daily)\//.test(rel(f)))) {
      for (const spec of imports(file)) {
        if (
          PLATFORM_SDK.test(spec) ||
          (spec.startsWith('.') && target(file, spec).startsWith('src/adapters/'))
        )
          offences.push(`${rel(file)} imports ${spec}`);
      }
    }
    expect(files.some((f) => rel(f).startsWith('src/conversation/'))).toBe(true);
    expect(offences).toEqual([]);
  });

  it('the renderers hold no sentence of their own: all wording comes from the card', () => {
    const renderers = files.filter((f) => /^src\/adapters\/(?:slack|discord)\/card-to-[\w-]+\.ts$/.test(rel(f)));
    expect(renderers.map(rel).sort()).toEqual([
      'src/adapters/discord/card-to-discord.ts',
      'src/adapters/slack/card-to-block-kit.ts',
    ]);
    const offences: string[] = [];
    for (const file of renderers) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // A string literal with two words in it ("Shared by", "Did you mean") is wording.
      for (const match of code.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
        if (/[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.test(match[2] ?? '')) offences.push(`${rel(file)}: ${match[0]}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('only config.ts reads process.env', () => {
    const readers = files.filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(readers).toEqual(['src/config.ts']);
  });

  it('each adapter imports only its own SDK', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => rel(f).startsWith('src/adapters/'))) {
      const own = rel(file).split('/')[2];
      for (const spec of imports(file)) {
        if (/^@slack\//.test(spec) && own !== 'slack') offences.push(`${rel(file)} imports ${spec}`);
        if (/^(?:discord\.js$|@discordjs\/)/.test(spec) && own !== 'discord')
          offences.push(`${rel(file)} imports ${spec}`);
        const other =
          /adapters\/(\w+)\//.exec(spec)?.[1] ?? /^\.\.\/(slack|discord|console)\//.exec(spec)?.[1];
        if (other && other !== own) offences.push(`${rel(file)} imports another adapter: ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('no console.log in src outside the console adapter and the command-line entry points', () => {
    const allowed = new Set(['src/cli.ts', 'src/main.ts']);
    const offenders = files
      .filter((f) => !rel(f).startsWith('src/adapters/console/') && !allowed.has(rel(f)))
      .filter((f) => /\bconsole\.(?:log|info|warn|error|debug)\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
