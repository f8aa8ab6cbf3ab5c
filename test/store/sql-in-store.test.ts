import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const STORE = 'src/store/';

/** Every source file of src/ and extractors/, as a path from the checkout's root. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.(?:ts|mts|js|mjs)$/.test(e.name)) out.push(rel);
    }
  };
  walk('src');
  walk('extractors');
  return out.sort();
}

/** The code without its comments, so that a comment may name a table or say "select". */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** What gives away SQL, or a way to a database connection, in a module. */
const SQL_SIGNS: [string, RegExp][] = [
  ['a prepared statement', /\.prepare\(/],
  ['db.exec', /\bdb\.exec\(/],
  ['a pragma', /\.pragma\(/],
  ['a SQLite transaction', /\.transaction\(\s*\(/],
  ['a SELECT', /['"`]\s*select\s[^'"`]*\sfrom\s/i],
  ['an INSERT', /['"`]\s*insert\s+(?:or\s+\w+\s+)?into\s/i],
  ['an UPDATE', /['"`]\s*update\s+\w+\s+set\s/i],
  ['a DELETE', /['"`]\s*delete\s+from\s/i],
  ['a CREATE', /['"`]\s*create\s+(?:table|index|view|trigger|virtual)\s/i],
  ['better-sqlite3', /from\s+['"]better-sqlite3['"]/],
  ['the pg client', /from\s+['"]pg['"]/],
  ["the store's connection", /\bsqliteConnection\b|\bstore\.db\b/],
];

function sqlSigns(code: string): string[] {
  const bare = withoutComments(code);
  return SQL_SIGNS.filter(([, re]) => re.test(bare)).map(([name]) => name);
}

describe('all SQL of gongkai lives in src/store', () => {
  it('no module of src/ or extractors/ outside src/store prepares, runs or writes SQL, or reaches a connection', () => {
    const found = sourceFiles()
      .filter((f) => !f.startsWith(STORE))
      .map((f) => ({ file: f, signs: sqlSigns(fs.readFileSync(path.join(ROOT, f), 'utf8')) }))
      .filter((f) => f.signs.length > 0);
    expect(found).toEqual([]);
  });

  it('the scan finds SQL where it is: in the store and in a module that would run its own', () => {
    // the store itself is full of it, so a scan that sees nothing is broken, not clean
    const store = sourceFiles().filter((f) => f.startsWith(STORE));
    const withSql = store.filter((f) => sqlSigns(fs.readFileSync(path.join(ROOT, f), 'utf8')).length > 0);
    for (const f of ['src/store/store.ts', 'src/store/checks.ts', 'src/store/search.ts', 'src/store/versions.ts', 'src/store/failed-checks.ts', 'src/store/postgres/pg-store.ts']) expect(withSql).toContain(f);
    // what the review data module did before its queries moved into the store
    const old = `function failedCheckCounts(db: Database.Database) {\n  const rows = db.prepare("select document_id as id, count(*) as n from doc_check where status = 'fail' group by document_id").all();\n}`;
    expect(sqlSigns(old)).toEqual(['a prepared statement', 'a SELECT']);
    expect(sqlSigns("sqliteConnection(store).exec('delete from run')")).toEqual(['a DELETE', "the store's connection"]);
    expect(sqlSigns('const hits = searchText(this.store.db, q, 51);')).toEqual(["the store's connection"]);
    expect(sqlSigns('await client.query(`insert into document (id) values ($1)`, [id]);')).toEqual(['an INSERT']);
    // a comment or a user-facing word is no SQL
    expect(sqlSigns("// select the rows from the table\nif (tag === 'SELECT') return;\nconst m = re.exec(text);")).toEqual([]);
  });
});
