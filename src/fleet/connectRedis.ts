import { Redis } from 'ioredis';

export interface RedisLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Connection trouble is logged at most this often: Redis away for a minute is a few lines, not thousands. */
const LOG_EVERY_MS = 10_000;

/**
 * A connection to REDIS_URL (rediss:// for TLS; an ACL user and password in the URL). Workers wait
 * out a Redis restart (BullMQ needs `maxRetriesPerRequest: null` on their connections); the API's
 * commands give up after two retries, so that a request is answered 503 rather than held while
 * Redis is away. The URL, which may hold a password, is never logged.
 */
export function connectRedis(url: string, role: 'api' | 'worker', log?: RedisLogger): Redis {
  const redis = new Redis(url, {
    connectionName: `offercheck-${role}`,
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    // Reconnect quickly at first, then every 2 s at most.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  let lastLogged = 0;
  let lost = false;
  redis.on('error', (error: NodeJS.ErrnoException) => {
    if (Date.now() - lastLogged < LOG_EVERY_MS) return;
    lastLogged = Date.now();
    lost = true;
    log?.warn({ redis: { code: error.code ?? error.name } }, 'Redis connection failed; retrying');
  });
  redis.on('ready', () => {
    if (lost) log?.info({}, 'Redis connection back');
    lost = false;
  });
  return redis;
}
