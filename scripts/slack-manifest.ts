/**
 * Writes slack/manifest.json from the core's command list; `--check` exits 1 when the file is stale.
 * Usage: npm run slack:manifest [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { slackManifest } from '../src/adapters/slack/manifest.js';

export const MANIFEST_FILE = fileURLToPath(new URL('../slack/manifest.json', import.meta.url));

const text = `${JSON.stringify(slackManifest(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(MANIFEST_FILE, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('slack/manifest.json is out of date: run npm run slack:manifest');
    process.exit(1);
  }
  console.log('slack/manifest.json is up to date');
} else {
  writeFileSync(MANIFEST_FILE, text);
  console.log(`wrote ${MANIFEST_FILE}`);
}
