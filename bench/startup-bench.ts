/**
 * `npm run bench:startup`: how long loading and validating the catalog takes, as the bot does at
 * start (the TSV index, every pattern file, the glossary and the pair notes, then the search index):
 * for the twelve authored patterns, and for 1,000 generated ones of the same size (copies of the
 * twelve under new slugs, codes and names). Targets: under 300 ms and under 3 s.
 *
 * Then the diagrams: drawing the twelve DOT sources to PNG (Graphviz WebAssembly, then resvg), in this
 * thread and, as the bot does after start, on a worker thread, with the longest event-loop stall of
 * this thread while the worker draws (what a Slack ack or a Discord reply would wait at most).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { createDiagramCache, diagramSources } from '../src/diagrams/diagram-images.js';
import { drawDiagrams } from '../src/diagrams/draw-diagrams.js';
import { drawDiagramsOffThread } from '../src/draw-diagrams-off-thread.js';
import { loadBot } from '../src/load-catalog.js';

const DATA = 'data';
const TRIALS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeLoad(file: string): { ms: number; patterns: number } {
  const times: number[] = [];
  let patterns = 0;
  for (let i = 0; i < TRIALS; i++) {
    const started = performance.now();
    patterns = loadBot(file).patterns.length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), patterns };
}

/** A data folder of `count` patterns: the twelve, then copies of them with new identities. */
function generate(count: number): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-startup-'));
  mkdirSync(join(dir, 'patterns'));
  copyFileSync(join(DATA, 'glossary.yaml'), join(dir, 'glossary.yaml'));
  copyFileSync(join(DATA, 'comparisons.yaml'), join(dir, 'comparisons.yaml'));
  const tsv = readFileSync(join(DATA, 'patterns.tsv'), 'utf8').trimEnd().split('\n');
  const header = tsv[0] ?? '';
  const rows = tsv.slice(1);
  const docs = readdirSync(join(DATA, 'patterns')).map((name) =>
    parse(readFileSync(join(DATA, 'patterns', name), 'utf8')),
  );
  const out = [header, ...rows];
  for (const doc of docs) writeFileSync(join(dir, 'patterns', `${doc.slug}.yaml`), stringify(doc));
  for (let i = docs.length; i < count; i++) {
    const source = docs[i % docs.length];
    const row = (rows[i % rows.length] ?? '').split('\t');
    const slug = `${source.slug}-${i}`;
    const code = String(100 + i);
    const name = `${source.name} ${i}`;
    // New identity; relations keep pointing at the twelve (symmetric ones are one-way here, so drop them).
    const copy = {
      ...source,
      code,
      slug,
      name,
      short_name: `${source.short_name} ${i}`.slice(0, 24),
      aliases: [],
      relations: source.relations.filter(
        (r: { type: string }) => r.type === 'requires' || r.type === 'enables',
      ),
      confusions: source.confusions.filter((c: { with: string }) => !c.with.includes('-')),
      quiz: source.quiz.map((q: { id: string }, n: number) => ({ ...q, id: `${slug}-${n}` })),
    };
    if (copy.relations.length < 2) {
      const bySlug = new Map(
        source.relations.map((r: { slug: string }) => [r.slug, { ...r, type: 'enables' }]),
      );
      copy.relations = [...bySlug.values()].slice(0, 2);
    }
    if (copy.confusions.length === 0)
      copy.confusions = source.confusions.slice(0, 1).map((c: object) => ({ ...c, with: '2PC' }));
    writeFileSync(join(dir, 'patterns', `${slug}.yaml`), stringify(copy));
    out.push([code, slug, name, row[3], row[4], '', ''].join('\t'));
  }
  const file = join(dir, 'patterns.tsv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return { dir, file };
}

const real = timeLoad(join(DATA, 'patterns.tsv'));
const generated = generate(1000);
let big: { ms: number; patterns: number };
try {
  big = timeLoad(generated.file);
} finally {
  rmSync(generated.dir, { recursive: true, force: true });
}
console.log(`Catalog load and validation at start (median of ${TRIALS}), node ${process.version}:`);
console.log('| patterns | ms | target |');
console.log('|---:|---:|---|');
console.log(`| ${real.patterns} | ${real.ms.toFixed(0)} | < 300 ${real.ms < 300 ? 'met' : 'MISSED'} |`);
console.log(`| ${big.patterns} | ${big.ms.toFixed(0)} | < 3000 ${big.ms < 3000 ? 'met' : 'MISSED'} |`);

const sources = diagramSources(loadBot(join(DATA, 'patterns.tsv')).patterns);
const inThread: number[] = [];
for (let i = 0; i < 3; i++) inThread.push((await drawDiagrams(sources)).ms);
const stall = monitorEventLoopDelay({ resolution: 5 });
stall.enable();
const started = performance.now();
const report = await drawDiagramsOffThread(sources, createDiagramCache());
const wall = performance.now() - started;
stall.disable();
console.log('');
console.log(`Diagrams drawn at start: ${report.drawn} of ${sources.length} (${report.failed.length} failed)`);
console.log('| how | ms |');
console.log('|---|---:|');
console.log(
  `| in one thread, WebAssembly loaded and all ${sources.length} drawn (median of 3) | ${median(inThread).toFixed(0)} |`,
);
console.log(`| on the worker thread, start to pictures in the cache | ${wall.toFixed(0)} |`);
console.log(`| longest event-loop stall of the main thread meanwhile | ${(stall.max / 1e6).toFixed(0)} |`);
