import { Queue } from 'bullmq';
import { DEFAULT_QUEUE_NAME, redisConnection } from '../../queue/connection.js';
import { redactUrl } from '../../store/redact-url.js';

/** How many failed jobs `gongkai runs --queue` lists with their error. */
const SHOWN_FAILED = 20;

/** The queue's counts by state, and the jobs it gave up on (the dead letter) with their errors. */
export async function queueCountsCommand(opts: { queue: string; queueName?: string }): Promise<number> {
  const name = opts.queueName ?? DEFAULT_QUEUE_NAME;
  const queue = new Queue(name, { connection: { ...redisConnection(opts.queue), maxRetriesPerRequest: 1, retryStrategy: () => null } });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    console.log(`queue ${name} at ${redactUrl(opts.queue)}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} waiting to be retried, ${c.completed} done (kept a day), ${c.failed} given up`);
    for (const job of await queue.getFailed(0, SHOWN_FAILED - 1)) {
      console.log(`    given up after ${job.attemptsMade} attempts: ${(job.data as { source?: string }).source ?? job.id} — ${job.failedReason}`);
    }
    if ((c.failed ?? 0) > SHOWN_FAILED) console.log(`    … and ${c.failed! - SHOWN_FAILED} more`);
    return 0;
  } finally {
    await queue.close();
  }
}
