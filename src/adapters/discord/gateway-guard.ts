import type { Client } from 'discord.js';
import type { Logger } from '../../logger.js';
import { errorContext } from './error-context.js';
import { type GatewayPacket, normalizePacket } from './normalize-packet.js';

type HandlePacket = (packet?: GatewayPacket, shard?: unknown) => boolean;

/**
 * Puts a guard around discord.js's gateway packet handling: each dispatch is normalised before the
 * library parses it (`normalizePacket`), and a throw while parsing is logged with the packet type
 * instead of escaping. Without it, such a throw inside the gateway's message handler becomes an
 * unhandled rejection, which ends the process with every other service in it.
 *
 * The seam is `WebSocketManager#handlePacket` (discord.js 14): every dispatch, queued or not, goes
 * through it after the public `raw` event, and nothing else parses packets. It is private API, so
 * a missing method is an error at start and a test replays packets through it.
 */
export function guardGatewayPackets(
  client: Client,
  logger: Logger,
  /** Called with a packet that was dropped or could not be parsed (to answer the interaction still). */
  onUnhandled: (packet: GatewayPacket) => void,
): void {
  const ws = client.ws as unknown as { handlePacket?: HandlePacket };
  const original = ws.handlePacket;
  if (typeof original !== 'function') {
    throw new Error(
      'discord.js changed: WebSocketManager#handlePacket is gone, so the gateway guard cannot be set',
    );
  }
  const unhandled = (packet: GatewayPacket) => {
    try {
      onUnhandled(packet);
    } catch (error) {
      logger.error({ type: packet.t, err: errorContext(error) }, 'could not answer an unparsable packet');
    }
  };
  ws.handlePacket = function guardedHandlePacket(this: unknown, packet, shard) {
    if (packet) {
      try {
        const verdict = normalizePacket(packet);
        if (!verdict.keep) {
          logger.warn(
            { type: packet.t, reason: verdict.reason },
            'dropped a gateway packet the bot cannot use',
          );
          unhandled(packet);
          return true;
        }
      } catch (error) {
        logger.error({ type: packet.t, err: errorContext(error) }, 'could not normalise a gateway packet');
      }
    }
    try {
      return original.call(this, packet, shard);
    } catch (error) {
      logger.error(
        { type: packet?.t, err: errorContext(error) },
        'discord.js could not handle a gateway packet',
      );
      if (packet) unhandled(packet);
      return true;
    }
  };
}
