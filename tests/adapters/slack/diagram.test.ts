import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/card/action.js';
import type { DiagramCache } from '../../../src/diagrams/diagram-images.js';
import { realDiagramCache } from '../../helpers/diagrams.js';
import { limitProblems } from './check-limits.js';
import { eventually, type Harness, startHarness } from './harness.js';

type Json = Record<string, unknown>;
const DIAGRAM = encodeAction({ type: 'view', slug: 'saga-pattern', view: 'diagram' }) ?? '';
const blocksOf = (body: Json) => (body.blocks ?? []) as Json[];

let diagrams: DiagramCache;
beforeAll(async () => {
  diagrams = await realDiagramCache();
});

describe('the Diagram button on Slack, without PUBLIC_URL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ diagrams });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('shows the text diagram in place and uploads the picture into the conversation with its alt text', async () => {
    await h.click(DIAGRAM, DIAGRAM, true);
    await eventually(() => expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1));
    const shown = h.fake.responsePosts[0]?.body as Json;
    expect(shown.replace_original).toBe(true);
    expect(JSON.stringify(blocksOf(shown))).toContain('```create order');
    expect(limitProblems(shown)).toEqual([]);

    // files.uploadV2 as @slack/web-api does it: an upload URL, the bytes, then the completion.
    const [asked] = h.fake.callsTo('files.getUploadURLExternal');
    const png = diagrams.get('saga-pattern')?.png ?? new Uint8Array();
    expect(asked?.args).toMatchObject({ filename: 'saga-pattern.png', length: String(png.byteLength) });
    expect(String(asked?.args.alt_text)).toMatch(/^Diagram of Saga Pattern\. Steps run in order/);
    expect(h.fake.uploads).toHaveLength(1);
    expect(h.fake.uploads[0]?.body.includes(Buffer.from(png))).toBe(true);
    const [completed] = h.fake.callsTo('files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe('C0CHANNEL');
    expect(String(completed?.args.files)).toContain('Saga Pattern: diagram');
  });

  it('keeps the text diagram when the upload is refused (the bot not in the channel), and says so in the log', async () => {
    h.fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    await h.click(DIAGRAM, DIAGRAM, true);
    await eventually(() =>
      expect(h.logs.some((line) => line.msg === 'could not upload a diagram')).toBe(true),
    );
    expect(h.fake.responsePosts).toHaveLength(1);
    expect(JSON.stringify(h.fake.responsePosts[0]?.body)).toContain('```create order');
  });

  it('answers a mention of "diagram saga" with the text diagram, and uploads the picture in its thread', async () => {
    const ts = '1700000000.000321';
    await h.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT000> diagram saga',
        ts,
        channel: 'C0CHANNEL',
        event_ts: ts,
      },
      'Ev-diagram-1',
    );
    await eventually(() => expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1));
    expect(h.fake.callsTo('chat.postMessage')[0]?.args.thread_ts).toBe(ts);
    expect(h.fake.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C0CHANNEL',
      thread_ts: ts,
    });
  });

  it('uploads nothing for the other views', async () => {
    const more = encodeAction({ type: 'view', slug: 'saga-pattern', view: 'more' }) ?? '';
    await h.click(more, more, true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(1));
    expect(h.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });
});

describe('the Diagram button on Slack, with PUBLIC_URL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ diagrams, publicUrl: 'https://patterns.example.com' });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('shows an image block pointing at the bot’s own URL, and uploads nothing', async () => {
    await h.click(DIAGRAM, DIAGRAM, true);
    await eventually(() => expect(h.fake.responsePosts).toHaveLength(1));
    const shown = h.fake.responsePosts[0]?.body as Json;
    expect(blocksOf(shown)).toContainEqual({
      type: 'image',
      image_url: 'https://patterns.example.com/diagrams/saga-pattern.png',
      alt_text: expect.stringMatching(/^Diagram of Saga Pattern\./),
    });
    expect(limitProblems(shown)).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it('serves the PNG at /diagrams/<slug>.png beside /slack/events, with caching headers; 404 for others', async () => {
    const res = await fetch(`${h.base}/diagrams/saga-pattern.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(Buffer.from(diagrams.get('saga-pattern')?.png ?? []))).toBe(true);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${h.base}/diagrams/saga-pattern.png`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    for (const path of [
      '/diagrams/no-such-pattern.png',
      '/diagrams/saga-pattern.svg',
      '/diagrams/../x.png',
    ]) {
      expect((await fetch(`${h.base}${path}`)).status, path).toBe(404);
    }
  });
});
