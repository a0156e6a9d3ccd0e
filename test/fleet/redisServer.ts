import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisServer {
  /** What the service and workers are given: the ACL user SECURITY.md describes, limited to offercheck's keys. */
  url: string;
  port: number;
  /** A client of the test's own, as an administrator (to look at everything the service stored). */
  client(): Redis;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = (probe.address() as AddressInfo);
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The ACL SECURITY.md recommends for the fleet's user: its own keys and channel only, no
 * administrative or dangerous commands but INFO (ioredis's ready check and BullMQ's version check).
 */
export const FLEET_ACL = ['~offercheck:*', '&offercheck:*', '+@all', '-@dangerous', '+info'];

/**
 * A real Debian redis-server on a free loopback port, as the fleet runs on: no persistence (no
 * RDB snapshot, no append-only file), its working folder a fresh temporary one removed at the end,
 * the default user off, the service's user limited by FLEET_ACL, and an administrator for the
 * test's own looking. Installed by scripts/ensure-test-tools.sh; never a mock.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'offercheck-redis-'));
  const password = randomBytes(18).toString('hex');
  const server: ChildProcess = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'],
      ...['--user', 'default', 'off'],
      ...['--user', 'admin', 'on', `>${password}`, '~*', '&*', '+@all'],
      ...['--user', 'offercheck', 'on', `>${password}`, ...FLEET_ACL],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  server.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `redis://offercheck:${password}@127.0.0.1:${port}`;
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(`redis://admin:${password}@127.0.0.1:${port}`, { maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on('error', () => undefined);
    clients.push(redis);
    return redis;
  };
  const probe = client();
  const until = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > until) throw new Error(`redis-server did not start: ${output.join('').slice(-500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    client,
    async stop() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every key name and every stored value in Redis, of every type, as one text (latin1, so that
 * any byte sequence survives): what a search for a letter's words runs over.
 */
export async function everythingStored(redis: Redis): Promise<{ keys: string[]; text: string }> {
  const keys: string[] = [];
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  for (const key of keys) {
    parts.push(key);
    const type = await redis.type(key);
    const values: (Buffer | string)[] =
      type === 'string'
        ? [(await redis.getBuffer(key)) ?? '']
        : type === 'hash'
          ? Object.entries(await redis.hgetallBuffer(key)).flat()
          : type === 'list'
            ? await redis.lrangeBuffer(key, 0, -1)
            : type === 'set'
              ? await redis.smembersBuffer(key)
              : type === 'zset'
                ? await redis.zrangeBuffer(key, 0, -1)
                : type === 'stream'
                  ? [JSON.stringify(await redis.xrange(key, '-', '+'))]
                  : [];
    for (const value of values) parts.push(Buffer.isBuffer(value) ? value.toString('latin1') : value);
  }
  return { keys, text: parts.join('\n') };
}
