// What needs no server: the usage errors of the distributed commands, which write faults a job
// stores as the document's failure, and the Redis URL a worker connects to.
import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { main } from '../../src/cli/main.js';
import { redisConnection } from '../../src/queue/connection.js';
import { isDocumentFault } from '../../src/queue/process-job.js';

async function usage(args: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void lines.push(m));
  try {
    return { code: await main(args), stderr: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('distributed runs: usage', () => {
  it('refuses --password with --queue (it would be stored in Redis) and --jobs with --queue', async () => {
    expect(await usage(['run', 'corpus', '--queue', 'redis://127.0.0.1:1', '--password', 'x'])).toEqual({ code: 2, stderr: expect.stringMatching(/--password is not sent through the queue/) });
    expect(await usage(['run', 'corpus', '--queue', 'redis://127.0.0.1:1', '--jobs', '2'])).toEqual({ code: 2, stderr: expect.stringMatching(/--jobs is for local runs/) });
    expect((await usage(['worker', '--db', 'x.sqlite'])).code).toBe(2);
    expect((await usage(['db', 'move'])).code).toBe(2);
  });

  it('reads a redis:// URL into BullMQ connection options that wait out a lost connection', () => {
    expect(redisConnection('redis://:secret@queue-host:6380/2')).toMatchObject({ host: 'queue-host', port: 6380, password: 'secret', db: 2, maxRetriesPerRequest: null });
    expect(redisConnection('redis://127.0.0.1')).toMatchObject({ host: '127.0.0.1', port: 6379 });
    expect(() => redisConnection('http://queue-host')).toThrow(/redis:\/\/host:port/);
  });
});

describe('which write faults are the document’s', () => {
  it('a shape zod refuses, a SQLite constraint and PostgreSQL data or integrity errors are; a lost or busy database is not', () => {
    expect(isDocumentFault(new ZodError([]))).toBe(true);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(true);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: '22P02' }))).toBe(true);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: '23505' }))).toBe(true);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: '57P01' }))).toBe(false);
    expect(isDocumentFault(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(false);
  });
});
