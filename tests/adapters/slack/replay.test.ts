import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from './harness.js';

/** What a fixture must get (see tests/fixtures/slack/SOURCES.md). */
interface Expect {
  /** A reply posted with chat.postMessage. `thread_ts: null`: not in a thread. */
  readonly reply?: {
    channel: string;
    thread_ts?: string | null;
    contains?: string[];
    notContains?: string[];
  };
  /** A card opened in the clicker's DM (chat.postMessage to the user ID). */
  readonly dm?: { channel: string; contains?: string[] };
  /** The Home tab published. */
  readonly publish?: { user_id: string };
  /** What the HTTP response must be. */
  readonly ack?: {
    status: number;
    json?: unknown;
    ephemeral?: boolean;
    contains?: string[];
    notContains?: string[];
  };
  /** A post to the response_url. */
  readonly respond?: {
    replace_original: boolean;
    response_type?: string;
    contains?: string[];
  };
  /** No Web API call and no response_url post at all. */
  readonly silent?: boolean;
  /** Web API methods that must not be called. */
  readonly noCalls?: string[];
  /** A log line's msg. */
  readonly log?: string;
}

interface Fixture {
  readonly name: string;
  readonly source: string;
  readonly transport: 'json' | 'form' | 'action';
  readonly body: Record<string, unknown>;
  readonly expect: Expect;
}

const DIR = join(import.meta.dirname, '../../fixtures/slack');
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture);

/** Shown text only: button values and action ids are never rendered. */
const shown = (value: unknown) =>
  JSON.stringify(value, (key, v) => (key === 'value' || key === 'action_id' ? undefined : v));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.reset();
  h.logs.length = 0;
});

function send(fixture: Fixture): Promise<Response> {
  const url = h.fake.responseUrl(fixture.name);
  const body = JSON.parse(JSON.stringify(fixture.body).replaceAll('{{response_url}}', url)) as Record<
    string,
    unknown
  >;
  if (fixture.transport === 'json') return h.post(JSON.stringify(body), 'application/json');
  if (fixture.transport === 'action') return h.action(body);
  const form = new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]));
  return h.post(form.toString(), 'application/x-www-form-urlencoded');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('every fixture through the real Bolt app, signed, over HTTP', () => {
  it('has a corpus, each fixture with its source', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    for (const fixture of fixtures) {
      expect(fixture.source, fixture.name).toBeTruthy();
      expect(sources, fixture.name).toContain(`\`${fixture.name}.json\``);
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const { expect: want } = fixture;
    const started = Date.now();
    const res = await send(fixture);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(want.ack?.status ?? 200);
    const raw = await res.text();
    if (want.ack?.json !== undefined) expect(JSON.parse(raw)).toEqual(want.ack.json);
    if (want.ack?.ephemeral) expect(JSON.parse(raw)).toMatchObject({ response_type: 'ephemeral' });
    for (const text of want.ack?.contains ?? []) expect(shown(JSON.parse(raw))).toContain(text);
    for (const text of want.ack?.notContains ?? []) expect(shown(JSON.parse(raw))).not.toContain(text);

    if (want.reply) {
      await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
      const args = h.fake.callsTo('chat.postMessage')[0]?.args ?? {};
      expect(args.channel).toBe(want.reply.channel);
      if (want.reply.thread_ts === null) expect(args).not.toHaveProperty('thread_ts');
      else if (want.reply.thread_ts) expect(args.thread_ts).toBe(want.reply.thread_ts);
      for (const text of want.reply.contains ?? []) expect(shown(args)).toContain(text);
      for (const text of want.reply.notContains ?? []) expect(shown(args)).not.toContain(text);
    }
    if (want.dm) {
      await eventually(() => expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1));
      const args = h.fake.callsTo('chat.postMessage')[0]?.args ?? {};
      expect(args.channel).toBe(want.dm.channel);
      for (const text of want.dm.contains ?? []) expect(shown(args)).toContain(text);
    }
    if (want.publish) {
      await eventually(() => expect(h.fake.callsTo('views.publish')).toHaveLength(1));
      expect(h.fake.callsTo('views.publish')[0]?.args.user_id).toBe(want.publish.user_id);
    }
    if (want.respond) {
      await eventually(() => expect(h.fake.responsePosts.length).toBeGreaterThanOrEqual(1));
      const body = h.fake.responsePosts[0]?.body ?? {};
      expect(body.replace_original).toBe(want.respond.replace_original);
      if (want.respond.response_type) expect(body.response_type).toBe(want.respond.response_type);
      for (const text of want.respond.contains ?? []) expect(shown(body)).toContain(text);
    }
    if (want.log) {
      await eventually(() => expect(h.logs).toContainEqual(expect.objectContaining({ msg: want.log })));
    }
    await settle();
    if (want.silent) {
      expect(h.fake.calls.map((c) => c.method)).toEqual([]);
      expect(h.fake.responsePosts).toEqual([]);
    }
    for (const method of want.noCalls ?? []) expect(h.fake.callsTo(method)).toEqual([]);
    // Exactly one answer, never two (an edit, a retry, a second listener).
    expect(h.fake.callsTo('chat.postMessage').length).toBeLessThanOrEqual(1);
    expect(h.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
