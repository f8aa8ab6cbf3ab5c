import type { RedisOptions } from 'bullmq';

/** The queue gongkai's runs and workers share unless told another (`--queue-name`). */
export const DEFAULT_QUEUE_NAME = 'gongkai';

/**
 * BullMQ's connection options for a `redis://[user:password@]host:port[/db]` URL. Requests wait
 * for a lost connection to come back instead of failing (`maxRetriesPerRequest: null`, which
 * BullMQ's workers require): a restarted Redis is reconnected to, and the run goes on.
 */
export function redisConnection(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue takes a redis://host:port URL, not "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--queue takes a redis://host:port URL, not "${url}"`);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    // reconnect every second at most, for as long as it takes
    retryStrategy: (times: number) => Math.min(times * 200, 1000),
  };
}
