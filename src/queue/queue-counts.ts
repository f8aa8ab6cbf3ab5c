import { Queue } from 'bullmq';
import { DEFAULT_QUEUE_NAME, redisConnection } from './connection.js';

/** A job the queue gave up on (the dead letter): its document and why. */
export interface GivenUpJob {
  source: string;
  attempts: number;
  reason: string;
}

/** A queue's jobs by state, and the first of those it gave up on. */
export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  /** Waiting to be retried. */
  delayed: number;
  /** Done (BullMQ keeps them a day). */
  completed: number;
  /** Given up after their attempts. */
  failed: number;
  givenUp: GivenUpJob[];
}

/** The counts of the queue at `url` (redis://…) and up to `shownFailed` jobs it gave up on; fails at once when Redis does not answer. */
export async function queueCounts(url: string, options: { queueName?: string; shownFailed?: number } = {}): Promise<QueueCounts> {
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const queue = new Queue(name, { connection: { ...redisConnection(url), maxRetriesPerRequest: 1, retryStrategy: () => null } });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const failed = await queue.getFailed(0, (options.shownFailed ?? 20) - 1);
    return {
      name,
      waiting: c.waiting ?? 0,
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      givenUp: failed.map((job) => ({ source: (job.data as { source?: string }).source ?? String(job.id), attempts: job.attemptsMade, reason: job.failedReason })),
    };
  } finally {
    await queue.close();
  }
}
