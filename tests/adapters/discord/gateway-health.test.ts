import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordService } from '../../../src/adapters/discord/discord-client.js';
import { createLogger } from '../../../src/logger.js';
import { autocomplete } from '../../fakes/discord-payloads.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord } from '../../fakes/fake-discord.js';
import { type Harness, realConversation, startHarness } from './harness.js';

/** A short heartbeat so that a lost gateway shows within a test's time; Discord's is 41,250 ms. */
const HEARTBEAT_MS = 1000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/healthz and the gateway', () => {
  it('is not ok once heartbeats go unacknowledged, well before discord.js gives up on the connection', async () => {
    h = await startHarness({ fake: { heartbeatIntervalMs: HEARTBEAT_MS } });
    // Wait for the first acknowledged heartbeat.
    await expect.poll(() => h?.fake.heartbeats.length, { timeout: 3000 }).toBeGreaterThan(0);
    expect(h.service.health().ok).toBe(true);
    h.fake.ackHeartbeats = false;
    const lostAt = Date.now();
    await expect.poll(() => h?.service.health().ok, { timeout: 10_000, interval: 50 }).toBe(false);
    // One interval plus the grace (half an interval here, 5 s on Discord), not two intervals.
    expect(Date.now() - lostAt).toBeLessThan(2 * HEARTBEAT_MS + 200);
    h.fake.ackHeartbeats = true;
  });

  it('is not ok as soon as the gateway closes the socket, and ok again after the resume', async () => {
    h = await startHarness({ fake: { heartbeatIntervalMs: HEARTBEAT_MS } });
    expect(h.service.health()).toMatchObject({ ok: true, state: 'connected' });
    h.fake.closeGateway(4000);
    await expect.poll(() => h?.service.health().ok, { timeout: 10_000, interval: 20 }).toBe(false);
    await expect.poll(() => h?.fake.resumes.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => h?.service.health(), { timeout: 10_000 }).toMatchObject({ ok: true });
    // And it answers after the resume.
    const i = autocomplete(h.fake, 'saga');
    expect(((await h.fake.callback(i.id, i.token)).body as { type: number }).type).toBe(8);
  });
});

describe('a gateway that refuses the bot for good', () => {
  async function startAgainst(code: number) {
    const fake = await FakeDiscord.start();
    fake.closeOnIdentify = code;
    const fatal: Error[] = [];
    const service = createDiscordService({
      config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
      conversation: realConversation(),
      logger: createLogger('silent'),
      onFatal: (error) => fatal.push(error),
    });
    const failure = await service.start().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    return { fake, service, failure, fatal };
  }

  for (const code of [4004, 4014]) {
    it(`at start (close ${code}): start rejects naming DISCORD_TOKEN, never the token`, async () => {
      const { fake, service, failure, fatal } = await startAgainst(code);
      try {
        expect(failure).toBeInstanceOf(Error);
        expect(failure?.message).toContain('DISCORD_TOKEN');
        expect(failure?.message).toContain(String(code));
        expect(failure?.message).not.toContain(BOT_TOKEN);
        expect(fatal).toEqual([]);
        expect(service.health()).toMatchObject({ ok: false, state: 'failed' });
      } finally {
        await service.stop();
        await fake.close();
      }
    });
  }

  it('after start (the token is reset while running): onFatal gets the error naming DISCORD_TOKEN', async () => {
    const fatal: Error[] = [];
    h = await startHarness({ onFatal: (error) => fatal.push(error) });
    h.fake.closeOnIdentify = 4004;
    // An invalid session makes discord.js identify again, which the gateway now refuses.
    h.fake.sendFrame({ op: 9, d: false });
    await expect.poll(() => fatal.length, { timeout: 10_000 }).toBe(1);
    expect(fatal[0]?.message).toContain('DISCORD_TOKEN');
    expect(h.service.health()).toMatchObject({ ok: false, state: 'failed' });
  });
});
