import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSlackService, type SlackService } from '../src/adapters/slack/slack-app.js';
import { createConversation } from '../src/conversation/create-conversation.js';
import type { Bot } from '../src/core/bot.js';
import { createLogger } from '../src/logger.js';
import {
  type FakeSlack,
  slackSignature,
  slashCommandBody,
  startFakeSlack,
} from '../tests/fakes/fake-slack.js';
import { BENCH_QUERIES } from './slack-bench-queries.js';
import { percentile } from './stats.js';

const SECRET = 'bench-ack-secret';

/** The bot's Slack service in HTTP mode, in this process (beside the scheduler, as in production). */
export interface AckProbe {
  /**
   * Sends signed `/pattern` commands at a steady `perSecond` (an open loop: a slow answer does not
   * slow the sending, as people do not wait for each other), until `until` resolves and at least
   * `atLeast` are sent: the ack latencies in ms, ascending.
   */
  acks(options: { atLeast: number; perSecond: number; until?: Promise<unknown> }): Promise<number[]>;
  close(): Promise<void>;
}

export async function startAckProbe(bot: Bot): Promise<AckProbe> {
  const fake: FakeSlack = await startFakeSlack();
  const logger = createLogger('silent');
  const service: SlackService = createSlackService({
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    conversation: createConversation({ bot, logger, defaultTimeZone: 'UTC' }),
    logger,
    retryConfig: { retries: 0 },
  });
  await service.start();
  const port = service.port() as number;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const bodies = BENCH_QUERIES.map((q) => slashCommandBody(q, fake.responseUrl('bench')));

  // A kept-alive socket the server has just closed resets the next request on it: that one is sent
  // again on a new socket, timed from the first try.
  const send = async (body: string) => {
    const started = performance.now();
    try {
      return await sendOnce(body, started);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
      return sendOnce(body, started);
    }
  };
  const sendOnce = (body: string, started: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/slack/events',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SECRET, body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  return {
    async acks({ atLeast, perSecond, until }) {
      let done = until === undefined;
      void until?.finally(() => {
        done = true;
      });
      const answers: Promise<number>[] = [];
      const gapMs = 1000 / perSecond;
      const started = performance.now();
      while (!done || answers.length < atLeast) {
        answers.push(send(bodies[answers.length % bodies.length] as string));
        // Sends are due on a fixed timetable; after a stall, the ones that fell due go out at once.
        const due = started + answers.length * gapMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
      return (await Promise.all(answers)).sort((a, b) => a - b);
    },
    async close() {
      agent.destroy();
      await service.stop();
      await fake.close();
    },
  };
}

/** p50, p99 and max of ascending latencies, in ms to one decimal. */
export function ackSummary(sorted: readonly number[]) {
  const ms = (value: number) => Number(value.toFixed(1));
  return {
    requests: sorted.length,
    p50: ms(percentile(sorted, 50)),
    p99: ms(percentile(sorted, 99)),
    max: ms(sorted.at(-1) ?? Number.NaN),
  };
}
