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

/** Rows per statement: a column's values travel as one array parameter, so this bounds only its size. */
const ROWS_PER_INSERT = 5000;

/**
 * Inserts rows into `table`, each column's values sent as one array and unnested by the server
 * (`insert … select * from unnest($1::bigint[], $2::text[], …)`): a few parameters per statement
 * however many rows, where a parameter per value (a document's 2,500 cells are 40,000 of them)
 * cost the writer most of its time. `columns` give PostgreSQL types (src/store/postgres/schema.ts).
 */
export async function insertRows(client: pg.ClientBase, table: string, columns: { name: string; type: string }[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const cols = columns.map((c) => quoteIdent(c.name)).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `insert into ${quoteIdent(table)} (${cols}) select * from unnest(${arrays})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    await client.query(sql, columns.map((_c, k) => batch.map((r) => r[k] ?? null)));
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
