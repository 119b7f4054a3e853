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

/** The real patterns plus generated ones up to `size`, deterministic for a seed. */
export function syntheticCatalog(real: readonly Pattern[], size: number, seed = 42): Pattern[] {
  const next = random(seed);
  const patterns = [...real];
  const slugs = new Set(real.map((p) => p.slug));
  for (let n = real.length + 1; patterns.length < size; n++) {
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
    });
  }
  return patterns;
}
