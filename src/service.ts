import { isLate, withinBudget } from './within-budget.js';

/** What main starts and stops: a platform adapter or the daily scheduler. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): ServiceHealth;
  /** True when this service answers `GET /healthz` on PORT itself (Slack in HTTP mode owns the port). */
  readonly servesHealth?: boolean;
}

export interface ServiceHealth {
  /** False when the service cannot do its job right now (disconnected, not started). */
  readonly ok: boolean;
  /** A word for people: `connected`, `connecting`, `listening`, `stopped`... */
  readonly state: string;
  readonly [detail: string]: unknown;
}

export interface HealthReport {
  readonly ok: boolean;
  /** Shutting down: finishing what is in flight, taking no new work (`/readyz` says 503). */
  readonly draining?: boolean;
  readonly services: Record<string, ServiceHealth>;
}

export function healthReport(services: readonly Service[]): HealthReport {
  const entries = services.map((service) => [service.name, service.health()] as const);
  return { ok: entries.every(([, health]) => health.ok), services: Object.fromEntries(entries) };
}

/** A service could not start, for a reason a person can fix: the message names the variable. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** The promise's value, or a StartupError with `message` once `ms` have passed (the work goes on, unheeded). */
export async function withinStartup<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  const result = await withinBudget(promise, ms);
  if (isLate(result)) throw new StartupError(message);
  return result;
}
