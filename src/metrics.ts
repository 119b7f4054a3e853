import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUse } from './store/store.js';

/** Where an answer was asked for: the surface of each platform a person uses, or the daily post. */
export type Surface = 'slash' | 'mention' | 'dm' | 'button' | 'autocomplete' | 'console' | 'daily';

/** How long one answer took, from the text (or click, or keystroke) to its card or choices. */
export interface LatencyObservation {
  readonly platform: string;
  readonly surface: Surface;
  readonly seconds: number;
}

/** What the conversation reports of each answer: its kind, its confidence tier, and whether it was remembered. */
export interface AnswerObservation extends LatencyObservation {
  readonly kind: string;
  /** `answer`, `did-you-mean` or `not-found` for lookups; the kind for the rest. */
  readonly tier: string;
  readonly cached: boolean;
}

export interface Metrics {
  readonly registry: Registry;
  observeAnswer(observation: AnswerObservation): void;
  /** An answer that is not a text's (a button, an autocomplete, a daily post): its latency only. */
  observeLatency(observation: LatencyObservation): void;
  /** A daily delivery's outcome: `sent`, `retried`, `failed` (given up for now) or `disabled`. */
  observeDelivery(platform: string, outcome: 'sent' | 'retried' | 'failed' | 'disabled'): void;
  /** A stale claim of another owner (a crashed or stopped process) won by this one. */
  observeTakeover(platform: string): void;
  /** Reads the store's connections on every scrape. */
  watchPool(poolUse: () => PoolUse): void;
  /** The Prometheus text format of every metric. */
  text(): Promise<string>;
  readonly contentType: string;
}

/**
 * The bot's Prometheus metrics (prom-client), one registry a process: Node's defaults (among them
 * the event-loop delay, `pattern_bot_nodejs_eventloop_lag_*` from `monitorEventLoopDelay`, heap,
 * GC, handles), answers by kind and confidence tier, answer latency by platform and surface, card
 * cache hits, daily deliveries by outcome, claims taken over, and the database pool's connections.
 * Served at `GET /metrics` beside the health endpoints.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pattern_bot_' });
  const answers = new Counter({
    name: 'pattern_bot_answers_total',
    help: 'Answers given, by platform, kind and confidence tier',
    labelNames: ['platform', 'kind', 'tier'] as const,
    registers: [registry],
  });
  const cache = new Counter({
    name: 'pattern_bot_card_cache_total',
    help: 'Answers by whether the card was remembered (hit) or made (miss)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'pattern_bot_answer_seconds',
    help: 'Time from the text, click or keystroke to its card or choices (daily: the post), by platform and surface',
    labelNames: ['platform', 'surface'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'pattern_bot_daily_deliveries_total',
    help: 'Daily post attempts, by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const takeovers = new Counter({
    name: 'pattern_bot_daily_claims_taken_over_total',
    help: 'Stale daily claims of another owner (a crashed or stopped process) won by this process',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  let poolUse: (() => PoolUse) | undefined;
  new Gauge({
    name: 'pattern_bot_db_connections',
    help: 'Database connections: total open, idle, and callers waiting for one (SQLite: one connection)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = poolUse?.();
      if (!use) return;
      this.set({ state: 'total' }, use.total);
      this.set({ state: 'idle' }, use.idle);
      this.set({ state: 'waiting' }, use.waiting);
    },
  });
  const observeLatency = (o: LatencyObservation) =>
    latency.observe({ platform: o.platform, surface: o.surface }, o.seconds);
  return {
    registry,
    observeAnswer(o) {
      answers.inc({ platform: o.platform, kind: o.kind, tier: o.tier });
      cache.inc({ result: o.cached ? 'hit' : 'miss' });
      observeLatency(o);
    },
    observeLatency,
    observeDelivery(platform, outcome) {
      deliveries.inc({ platform, outcome });
    },
    observeTakeover(platform) {
      takeovers.inc({ platform });
    },
    watchPool(source) {
      poolUse = source;
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
