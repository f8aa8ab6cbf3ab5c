import { queueCounts, redactUrl } from '../../index.js';

/** How many failed jobs `gongkai runs --queue` lists with their error. */
const SHOWN_FAILED = 20;

/** The queue's counts by state, and the jobs it gave up on (the dead letter) with their errors. */
export async function queueCountsCommand(opts: { queue: string; queueName?: string }): Promise<number> {
  const c = await queueCounts(opts.queue, { ...(opts.queueName ? { queueName: opts.queueName } : {}), shownFailed: SHOWN_FAILED });
  console.log(`queue ${c.name} at ${redactUrl(opts.queue)}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} waiting to be retried, ${c.completed} done (kept a day), ${c.failed} given up`);
  for (const job of c.givenUp) console.log(`    given up after ${job.attempts} attempts: ${job.source} — ${job.reason}`);
  if (c.failed > SHOWN_FAILED) console.log(`    … and ${c.failed - SHOWN_FAILED} more`);
  return 0;
}
