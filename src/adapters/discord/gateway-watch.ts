import { type Client, Events, Status } from 'discord.js';

/** Discord's heartbeat interval, until the gateway's HELLO says otherwise. */
const DEFAULT_HEARTBEAT_MS = 41_250;
/** How long past its due time a heartbeat acknowledgement may be late before the gateway counts as lost. */
const MAX_ACK_GRACE_MS = 5000;
const HEARTBEAT_INTERVAL = /starting to beat every (\d+)ms/;

export interface GatewayState {
  readonly ok: boolean;
  readonly state: string;
  readonly [detail: string]: unknown;
}

/**
 * The gateway as `/healthz` should report it. discord.js only notices a connection that stopped
 * answering at the heartbeat after the one that went unacknowledged (up to two intervals, about
 * 80 s on Discord); this says "lost" once an acknowledgement is a few seconds overdue: within
 * one interval plus the grace, not after two.
 */
export function watchGateway(client: Client, now: () => number = Date.now): () => GatewayState {
  let intervalMs = DEFAULT_HEARTBEAT_MS;
  /** When the shard last became ready or resumed: a fresh connection beats within one interval. */
  let connectedAt = now();
  client.on(Events.Debug, (message) => {
    const match = HEARTBEAT_INTERVAL.exec(message);
    if (match?.[1]) intervalMs = Number(match[1]);
  });
  const connected = () => {
    connectedAt = now();
  };
  client.on(Events.ShardReady, connected);
  client.on(Events.ShardResume, connected);

  return () => {
    const shards = [...client.ws.shards.values()];
    const notReady = shards.find((shard) => shard.status !== Status.Ready);
    if (client.ws.status !== Status.Ready || shards.length === 0 || notReady) {
      const status = notReady?.status ?? client.ws.status;
      return { ok: false, state: (Status[status] ?? 'unknown').toLowerCase() };
    }
    const grace = Math.min(MAX_ACK_GRACE_MS, intervalMs / 2);
    for (const shard of shards) {
      const lastBeat = Math.max(shard.lastPingTimestamp, connectedAt);
      const overdue = now() - (lastBeat + intervalMs + grace);
      if (overdue > 0) {
        return { ok: false, state: 'unresponsive', shard: shard.id, heartbeatOverdueMs: Math.round(overdue) };
      }
    }
    return { ok: true, state: 'connected', ping: client.ws.ping };
  };
}
