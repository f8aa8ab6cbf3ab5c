// The floor for a run: reading the same files, and a bare prepared-statement insert of the same
// number of cell rows, one transaction per document. Prints a JSON line.
import fs from 'node:fs';
import Database from 'better-sqlite3';

const [listFile, db, cellsText] = process.argv.slice(2);
const files = fs.readFileSync(listFile!, 'utf8').split('\n').filter(Boolean);
const cells = Number(cellsText);
let t = performance.now();
let bytes = 0;
for (const f of files) bytes += fs.readFileSync(f).length;
const read = (performance.now() - t) / 1000;
const conn = new Database(db!);
conn.pragma('journal_mode = WAL');
conn.pragma('synchronous = NORMAL');
conn.exec('create table cell (document_id integer, table_ord integer, row integer, col integer, text text, prov text, primary key (document_id, table_ord, row, col)) without rowid');
const insert = conn.prepare('insert into cell values (?, ?, ?, ?, ?, ?)');
const perDoc = Math.ceil(cells / files.length);
t = performance.now();
let n = 0;
for (let d = 0; d < files.length; d++) {
  conn.transaction(() => {
    for (let k = 0; k < perDoc && n < cells; k++, n++) insert.run(d, k >> 6, k & 63, 0, '929.90', '[{"kind":"text","start":{"line":1,"column":2,"offset":3},"end":{"line":1,"column":8,"offset":9}}]');
  })();
}
const insertSecs = (performance.now() - t) / 1000;
conn.close();
const { user, system } = process.cpuUsage();
console.log(JSON.stringify({ read, insert: insertSecs, cpu: (user + system) / 1e6, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
