import pg from 'pg';

/**
 * A pool of connections to `url`. bigint columns come back as numbers, as SQLite gives them:
 * ids and counts stay far below 2^53.
 */
export function connectPostgres(url: string, max = 4): pg.Pool {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')),
  };
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // an idle connection the server dropped (a restart) is an error on the pool, not the process's end
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const value = await work(client);
    await client.query('commit');
    return value;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Inserts rows into `table` in statements of several rows each (PostgreSQL takes up to 65,535
 * parameters per statement).
 */
export async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  const cols = columns.map(quoteIdent).join(', ');
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const values = batch.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await client.query(`insert into ${quoteIdent(table)} (${cols}) values ${values}`, batch.flat());
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
