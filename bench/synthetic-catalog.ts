import { type PatternDoc, QUALITIES } from '../src/core/catalog/pattern-doc.js';
import type { Pattern } from '../src/core/pattern.js';

/** mulberry32: a small seeded generator, so every run builds the same catalog. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES =
  `adaptive async batched bounded cached canary chained cold competing composite content-based correlated
 delayed durable dynamic elastic embedded federated gossip guarded hierarchical hot idempotent immutable incremental
 keyed layered lazy leased leader-based local lock-free materialized multi-region ordered parallel partitioned
 pipelined pooled prioritized queued quorum reactive read-through replicated retrying rolling scatter-gather
 scheduled segmented sequential sliding sticky streaming tiered timed versioned weighted write-behind zonal`.split(
    /\s+/,
  );
const NOUNS =
  `aggregator ledger buffer throttle mailbox lease beacon journal registry router broker cache mirror
 snapshot checkpoint barrier fence token bucket window queue stream topic cursor index replica quorum shard
 election heartbeat watchdog backoff bulkhead throttler dispatcher splitter collector reconciler compactor
 fan-out fan-in relay envelope filter translator`.split(/\s+/);
const VERBS =
  `coordinates buffers routes replicates throttles batches orders reconciles compacts distributes isolates
 caches retries schedules partitions aggregates filters translates relays mirrors`.split(/\s+/);
const OBJECTS =
  `requests between nodes|messages across regions|writes to storage|reads from replicas|jobs among workers|
 updates to clients|events between components|state across instances|traffic between zones|commands to handlers`.split(
    '|',
  );
const CATEGORIES =
  `Messaging Pattern|Storage Pattern|Scaling Pattern|Coordination Pattern|Resilience Pattern|Observability Pattern|
 Integration Pattern|Caching Pattern|Security Pattern|Scheduling Pattern|Replication Pattern|Consistency Pattern`
    .split('|')
    .map((c) => c.trim());

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

const TOOLS =
  `Nimbus Quarry Lattice Harbor Vector Tessera Onyx Juniper Keystone Meridian Polaris Cobalt`.split(/\s+/);

/** A sentence of about twenty words from the pools: the size of a real summary, problem or use-when line. */
function sentence(next: () => number, words: readonly string[]): string {
  const parts = [
    `When ${pick(OBJECTS, next).trim()} grow,`,
    `the ${words.join(' ')}`,
    `${pick(VERBS, next)} ${pick(OBJECTS, next).trim()}`,
    `so each ${pick(NOUNS, next)} ${pick(VERBS, next)} the ${pick(ADJECTIVES, next)} ${pick(NOUNS, next)}.`,
  ];
  return parts.join(' ');
}

/**
 * Content of a real pattern's size (summary, problem, four use-when and avoid-when lines, named
 * implementations, confusions, qualities), in words from the pools, on a real pattern's file as the frame.
 */
function syntheticDoc(
  template: PatternDoc,
  next: () => number,
  fields: { slug: string; name: string; words: string[]; code: string },
): PatternDoc {
  const lines = (n: number) => Array.from({ length: n }, () => sentence(next, fields.words));
  return {
    ...template,
    code: fields.code,
    slug: fields.slug,
    name: fields.name,
    short_name: fields.name.replace(/ Pattern$/, ''),
    qualities: [pick(QUALITIES, next), pick(QUALITIES, next)].filter((q, i, all) => all.indexOf(q) === i),
    summary: sentence(next, fields.words),
    problem: sentence(next, fields.words),
    use_when: lines(4),
    avoid_when: lines(4),
    implementations: template.implementations.map((impl, i) => ({
      ...impl,
      name: `${pick(TOOLS, next)} ${fields.words[i % fields.words.length]}`,
    })),
    confusions: template.confusions.map((c) => ({ ...c, difference: lines(2).join(' ') })),
    aliases: [],
    relations: [],
  };
}

/** The real patterns plus generated ones up to `size`, deterministic for a seed. */
export function syntheticCatalog(real: readonly Pattern[], size: number, seed = 42): Pattern[] {
  const next = random(seed);
  const patterns = [...real];
  const slugs = new Set(real.map((p) => p.slug));
  const templates = real.flatMap((p) => p.doc ?? []);
  for (let n = real.length + 1; patterns.length < size; n++) {
    const template = templates[n % Math.max(templates.length, 1)];
    const words = [pick(ADJECTIVES, next), pick(NOUNS, next)];
    if (next() < 0.4) words.push(pick(NOUNS, next));
    const name = `${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ')} Pattern`;
    let slug = `${words.join('-')}-pattern`;
    if (slugs.has(slug)) slug = `${slug}-${n}`;
    slugs.add(slug);
    patterns.push({
      code: String(n),
      slug,
      name,
      description: `A pattern that ${pick(VERBS, next)} ${pick(OBJECTS, next).trim()} using a ${words.join(' ')}.`,
      category: pick(CATEGORIES, next),
      aliases: next() < 0.5 ? [`${words[0]} ${pick(NOUNS, next)}`] : [],
      related: [],
      ...(template ? { doc: syntheticDoc(template, next, { slug, name, words, code: String(n) }) } : {}),
    });
  }
  return patterns;
}
