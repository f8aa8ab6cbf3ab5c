// Throwaway Redis and PostgreSQL servers on loopback, for the queue tests and `npm run bench --
// --queue`: each in its own temporary folder, on a free port, in the background, stopped (and its
// folder removed) by `stop()`. They come from Debian (redis-server, postgresql), which npm test's
// pretest installs when missing (scripts/ensure-test-tools.ts). PostgreSQL refuses to run as root:
// as root, its cluster is made and run as the `postgres` user the Debian package creates.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface Service {
  url: string;
  /** Stops the server, keeping its data: `start()` brings it back on the same port. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, seconds: number, child?: ChildProcess): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before listening on ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/**
 * redis-server with an append-only file: a restarted server has the queue it had, as a
 * production Redis under BullMQ must (without persistence a restart loses the queued jobs).
 */
export async function startRedis(): Promise<Service> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await waitForPort(port, 20, child);
  };
  const halt = async () => {
    if (!child) return;
    const c = child;
    child = undefined;
    c.kill('SIGTERM');
    await exited(c);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, halt, stop: async () => (await halt(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** Where Debian puts PostgreSQL's programs (/usr/lib/postgresql/<major>/bin), the newest major. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin', 'initdb'))) : [];
  if (!majors.length) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** A PostgreSQL cluster of its own, trusting local connections, with a database `gongkai`. */
export async function startPostgres(): Promise<Service> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale', 'C'], { ...as, cwd: dir, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    // fsync off: a test cluster need not survive a power cut; synchronous_commit stays on
    child = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=100'], { ...as, cwd: dir, stdio: 'ignore' });
    await waitForPort(port, 30, child);
    // listening comes before accepting: wait until a query goes through
    const until = Date.now() + 30_000;
    for (;;) {
      const r = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-Atc', 'select 1'], { encoding: 'utf8' });
      if (r.status === 0) break;
      if (Date.now() > until) throw new Error(`PostgreSQL did not accept queries: ${r.stderr}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  };
  const halt = async () => {
    if (!child) return;
    const c = child;
    child = undefined;
    c.kill('SIGINT'); // fast shutdown: open transactions are rolled back
    await exited(c);
  };
  await start();
  const made = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', 'create database gongkai'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`create database failed: ${made.stderr}`);
  return { url: `postgres://postgres@127.0.0.1:${port}/gongkai`, start, halt, stop: async () => (await halt(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** A new, empty database on a cluster `startPostgres` made, for one test or bench round: its URL. */
export async function createDatabase(cluster: Service, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return cluster.url.replace(/\/gongkai$/, `/${name}`);
}

function userIds(name: string): { uid: number; gid: number } {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name} (apt-get install postgresql creates it)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
