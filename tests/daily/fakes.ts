import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { decodeAction } from '../../src/core/card/action.js';
import type { Card } from '../../src/core/card/card.js';
import {
  type CanPost,
  type DailyPlatform,
  type DailyPoster,
  PostError,
  type PostOptions,
} from '../../src/daily/poster.js';
import { type DailyStore, openDailyStore } from '../../src/daily/store.js';
import { createLogger, type Logger } from '../../src/logger.js';

/** A temp directory per test file; the database goes one level down, to check the dir is created. */
export function tempDatabase(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pattern-bot-daily-'));
  return { path: join(dir, 'data', 'bot.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store on a fresh database file; `cleanup` closes it and removes the directory. */
export function openTempStore(): { path: string; store: DailyStore; cleanup: () => void } {
  const db = tempDatabase();
  const store = openDailyStore(db.path);
  return {
    path: db.path,
    store,
    cleanup: () => {
      store.close();
      db.cleanup();
    },
  };
}

/** A settable clock. */
export class FakeClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface SentPost {
  readonly channelId: string;
  readonly slug: string;
  readonly date: string | undefined;
  readonly options: PostOptions;
  /** The fake clock's time when the post was made. */
  readonly at: string;
}

type Step = { readonly fail: PostError } | { readonly wait: Promise<void> };

/** An in-memory platform: records posts, and fails or stalls when told to. */
export class FakePoster implements DailyPoster {
  readonly posts: SentPost[] = [];
  readonly attempts: string[] = [];
  private readonly steps = new Map<string, Step[]>();
  private readonly refusals = new Map<string, Exclude<CanPost, { ok: true }>>();

  constructor(
    readonly platform: DailyPlatform,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The next posts to the channel fail with these errors, in order. */
  failNext(channelId: string, ...errors: PostError[]): this {
    this.queue(channelId).push(...errors.map((fail) => ({ fail })));
    return this;
  }

  /** The next post to the channel waits for `until`. */
  stallNext(channelId: string, until: Promise<void>): this {
    this.queue(channelId).push({ wait: until });
    return this;
  }

  refuse(channelId: string, problem: Exclude<CanPost, { ok: true }>): this {
    this.refusals.set(channelId, problem);
    return this;
  }

  async post(channelId: string, card: Card, options: PostOptions): Promise<{ messageId: string }> {
    this.attempts.push(channelId);
    const step = this.queue(channelId).shift();
    if (step && 'fail' in step) throw step.fail;
    if (step) await step.wait;
    // The card's Share button carries what rebuilds it: the pattern and the local date.
    const action = decodeAction(card.share?.action);
    const ref = action?.type === 'share' && action.ref.k === 'pattern' ? action.ref : undefined;
    this.posts.push({
      channelId,
      slug: ref?.slug ?? '',
      date: ref?.date,
      options,
      at: this.clock().toISOString(),
    });
    return { messageId: `${this.platform}-${this.posts.length}` };
  }

  async checkCanPost(channelId: string): Promise<CanPost> {
    return this.refusals.get(channelId) ?? { ok: true };
  }

  private queue(channelId: string): Step[] {
    const steps = this.steps.get(channelId) ?? [];
    this.steps.set(channelId, steps);
    return steps;
  }
}

export const serverError = () => new PostError('retryable', 'http_500', 'internal server error');
export const channelGone = () => new PostError('permanent', 'channel_not_found', 'channel_not_found');

/** A pino logger whose lines are kept, parsed. */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}
