// Builds the bot into dist/, so `npm start` runs the compiled code, as production does.
// `npm install` runs it (prepare) unconditionally; `npm start` runs it with --if-stale (prestart), which
// builds only when a file under src/ is newer than the last build: a no-op start costs milliseconds.
// With no sources yet (a Docker layer that installs dependencies before copying src/), it does nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const STAMP = 'dist/.tsbuildinfo';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale = () =>
  !existsSync(STAMP) ||
  newest('src') > statSync(STAMP).mtimeMs ||
  statSync('tsconfig.build.json').mtimeMs > statSync(STAMP).mtimeMs;

if (existsSync('src/main.ts') && existsSync('tsconfig.build.json')) {
  if (!process.argv.includes('--if-stale') || stale()) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    // tsc leaves its build info untouched when nothing changed: mark the build as of now.
    const now = new Date();
    utimesSync(STAMP, now, now);
  }
}
