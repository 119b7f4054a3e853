import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/card/action.js';
import type { DiagramCache } from '../../../src/diagrams/diagram-images.js';
import { button } from '../../fakes/discord-payloads.js';
import { BOB } from '../../fakes/fake-discord.js';
import { realDiagramCache } from '../../helpers/diagrams.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';
import { type Harness, startHarness } from './harness.js';

type Callback = {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string; image?: { url: string } }[];
    attachments?: { id: number | string; description?: string }[];
  };
};
const EPHEMERAL = 64;
const DIAGRAM = encodeAction({ type: 'view', slug: 'saga-pattern', view: 'diagram' }) ?? '';

let diagrams: DiagramCache;
let h: Harness;
beforeAll(async () => {
  diagrams = await realDiagramCache();
  h = await startHarness({ diagrams });
});
afterAll(() => h.close());

describe('the Diagram button on Discord', () => {
  it('answers ephemerally with the PNG attached (multipart), its alt text, and the embed showing it', async () => {
    const i = button(h.fake, DIAGRAM, BOB);
    const request = await h.fake.callback(i.id, i.token);
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    const callback = request.body as Callback;
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.title).toBe('Saga Pattern: diagram');
    expect(callback.data?.embeds?.[0]?.image).toEqual({ url: 'attachment://saga-pattern.png' });
    expect(callback.data?.embeds?.[0]?.description ?? '').not.toContain('```');
    // The attachment's metadata carries the alt text; its file name is the multipart part's.
    expect(callback.data?.attachments).toEqual([
      expect.objectContaining({
        id: '0',
        description: expect.stringMatching(/^Diagram of Saga Pattern\. Steps run in order/),
      }),
    ]);
    const png = Buffer.from(diagrams.get('saga-pattern')?.png ?? []);
    expect(request.files).toEqual([
      { field: 'files[0]', name: 'saga-pattern.png', type: expect.any(String), bytes: png },
    ]);
    expectWithinDiscordLimits(callback.data as never);
  });

  it('shows the text diagram, with no attachment, for a pattern whose picture is not drawn', async () => {
    const cqrs = encodeAction({ type: 'view', slug: 'cqrs-pattern', view: 'diagram' }) ?? '';
    const drawnCqrs = diagrams.get('cqrs-pattern');
    const without = { get: (slug: string) => (slug === 'cqrs-pattern' ? undefined : diagrams.get(slug)) };
    expect(drawnCqrs).toBeDefined();
    const other = await startHarness({ diagrams: without });
    try {
      const i = button(other.fake, cqrs, BOB);
      const request = await other.fake.callback(i.id, i.token);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      const callback = request.body as Callback;
      expect(callback.data?.embeds?.[0]?.description).toContain('```\ncommands');
      expect(callback.data?.attachments ?? []).toEqual([]);
      expect(request.files).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
