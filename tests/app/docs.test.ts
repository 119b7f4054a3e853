import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config.js';
import { COMMANDS } from '../../src/core/commands.js';
import { ROOT } from '../helpers/run.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');
const envExample = read('.env.example');
const variables = [...Object.keys(envSchema.shape), 'ENV_FILE'];

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The documents people read: the README, the architecture document and everything under docs/. */
const documents = ['README.md', 'ARCHITECTURE.md', ...markdownFiles('docs')];

/** The text outside fenced code blocks and inline code, where a `[x](y)` is a real link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of the inline links `[text](target)` of a document. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (heading ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every relative link of a document that does not lead to a file, or to a heading, that exists. */
function brokenLinks(document: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(read(document))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not ours to check
    const [path = '', fragment] = target.split('#', 2);
    const file = path === '' ? document : relative(ROOT, join(ROOT, dirname(document), decodeURI(path)));
    if (file.startsWith('..') || !existsSync(join(ROOT, file))) {
      broken.push(`${document}: ${target} (no ${file})`);
    } else if (fragment && file.endsWith('.md') && !headingAnchors(read(file)).has(fragment)) {
      broken.push(`${document}: ${target} (no heading #${fragment} in ${file})`);
    }
  }
  return broken;
}

describe('the docs keep up with the code', () => {
  it.each(variables)('%s is in .env.example and the README', (name) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(COMMANDS.map((command) => command.name).filter((name) => name !== 'lookup'))(
    'the README documents "%s"',
    (name) => {
      expect(readme).toMatch(new RegExp(`\`${name}[\` ]`));
    },
  );

  it('the README gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});

describe('the docs hold together', () => {
  it('finds the documents and their links', () => {
    expect(documents).toContain('docs/benchmarks.md');
    expect(documents.flatMap((document) => linkTargets(read(document))).length).toBeGreaterThan(20);
  });

  it.each(documents)('every relative link in %s leads to a file and heading that exist', (document) => {
    expect(brokenLinks(document)).toEqual([]);
  });

  it.each(documents.filter((document) => document !== 'README.md'))('the README links %s', (document) => {
    expect(linkTargets(readme).map((target) => target.split('#')[0])).toContain(document);
  });

  it('sends contributors to the architecture document in the repository, not to notes outside it', () => {
    expect(readme).not.toMatch(/shared folder|DESIGN\.md/);
    expect(linkTargets(readme)).toContain('ARCHITECTURE.md');
  });
});

describe('the link checker', () => {
  it('reads links outside code only, and anchors as GitHub makes them', () => {
    expect(linkTargets('[a](x.md) `[b](y.md)` [c](https://e.com)\n```\n[d](z.md)\n```\n')).toEqual([
      'x.md',
      'https://e.com',
    ]);
    expect([...headingAnchors('# Slack ack: `npm run bench:slack`\n## Notes\n## Notes\n')]).toEqual([
      'slack-ack-npm-run-benchslack',
      'notes',
      'notes-1',
    ]);
  });
});

describe('the Docker image', () => {
  const dockerfile = read('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs the bot under tini, installed from Debian in the runtime stage', () => {
    expect(runtime).toMatch(/apt-get install[^\n]*\btini\b/);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
  });

  it('carries the whole catalog folder, not only patterns.tsv', () => {
    expect(runtime).toMatch(/^COPY\s+(?:--\S+\s+)*data\s+\.\/data\/?\s*$/m);
    expect(read('.dockerignore')).toMatch(/^data\/\*\.db$/m);
  });

  it('is shown with a restart policy in the README (compose.yaml: tests/app/compose.test.ts)', () => {
    expect(readme).toContain('--restart unless-stopped');
  });
});

describe('docs/cards.md', () => {
  it('shows the cards as the code renders them today (regenerate: npx tsx scripts/card-samples.ts > docs/cards.md)', async () => {
    const { realBot } = await import('../helpers/catalog.js');
    const { answerToCard } = await import('../../src/core/card/answer-to-card.js');
    const { cardToText } = await import('../../src/core/card/card-to-text.js');
    const { renderCard } = await import('../../src/adapters/slack/render-card.js');
    const cards = readFileSync(join(ROOT, 'docs/cards.md'), 'utf8');
    const saga = realBot().patternAnswer('saga-pattern');
    if (!saga) throw new Error('no saga');
    const card = answerToCard(saga);
    expect(cards).toContain(`\`\`\`text\n${cardToText(card)}\n\`\`\``);
    expect(cards).toContain(JSON.stringify(renderCard(card, 'private'), null, 2));
  });
});
