import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** What the conversation reports of each answer: its kind, its confidence tier, and whether it was remembered. */
export interface AnswerObservation {
  readonly platform: string;
  readonly kind: string;
  /** `answer`, `did-you-mean` or `not-found` for lookups; the kind for the rest. */
  readonly tier: string;
  readonly cached: boolean;
  readonly seconds: number;
}

export interface Metrics {
  readonly registry: Registry;
  observeAnswer(observation: AnswerObservation): void;
  /** A daily delivery's outcome: `sent`, `retried`, `failed` (given up for now) or `disabled`. */
  observeDelivery(platform: string, outcome: 'sent' | 'retried' | 'failed' | 'disabled'): void;
  /** The Prometheus text format of every metric. */
  text(): Promise<string>;
  readonly contentType: string;
}

/**
 * The bot's Prometheus metrics (prom-client), one registry a process: Node's defaults (event-loop
 * delay, heap, GC, handles), answers by kind and confidence tier, answer latency by platform, card
 * cache hits, and daily deliveries by outcome. Served at `GET /metrics` beside the health endpoints.
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
    help: 'Time from the text to its card, by platform',
    labelNames: ['platform'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'pattern_bot_daily_deliveries_total',
    help: 'Daily post attempts, by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    observeAnswer(o) {
      answers.inc({ platform: o.platform, kind: o.kind, tier: o.tier });
      cache.inc({ result: o.cached ? 'hit' : 'miss' });
      latency.observe({ platform: o.platform }, o.seconds);
    },
    observeDelivery(platform, outcome) {
      deliveries.inc({ platform, outcome });
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
