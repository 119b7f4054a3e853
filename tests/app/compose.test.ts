import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run.js';

interface Service {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
  restart?: string;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// Compose reads YAML merge keys (`<<: *bot`), so the test reads them too.
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const bots = Object.entries(services).filter(([, service]) => service.build === '.');

describe('compose.yaml: two replicas on one PostgreSQL behind one port', () => {
  it('PostgreSQL has a health check, and every bot waits for it to be healthy', () => {
    expect(services.postgres?.image).toMatch(/^postgres:\d+/);
    expect(services.postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(bots.map(([name]) => name)).toEqual(['bot-1', 'bot-2']);
    for (const [, bot] of bots) {
      expect(bot.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
      expect(bot.environment?.DATABASE_URL).toMatch(
        /^postgres:\/\/pattern:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/pattern$/,
      );
      expect(bot.healthcheck?.test.join(' ')).toContain('/readyz');
      expect(bot.restart).toBe('unless-stopped');
      expect(bot.ports).toBeUndefined();
    }
  });

  it('exactly one replica holds the Discord gateway', () => {
    expect(bots.map(([, bot]) => bot.environment?.DISCORD_GATEWAY)).toEqual(['on', 'off']);
  });

  it('one port, published by the proxy, whose upstream is every bot replica', () => {
    const proxy = services.proxy;
    expect(proxy?.image).toMatch(/^nginx:/);
    expect(proxy?.ports).toEqual(['3000:80']);
    expect(Object.keys(proxy?.depends_on ?? {})).toEqual(bots.map(([name]) => name));
    const mount = proxy?.volumes?.[0]?.split(':') ?? [];
    expect(mount.slice(1)).toEqual(['/etc/nginx/nginx.conf', 'ro']);
    const upstream = read(mount[0] ?? '').match(/upstream pattern_bot \{([^}]*)\}/)?.[1] ?? '';
    expect([...upstream.matchAll(/server ([\w-]+):3000/g)].map((m) => m[1])).toEqual(
      bots.map(([name]) => name),
    );
  });
});
