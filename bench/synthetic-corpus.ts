import fs from 'node:fs';
import path from 'node:path';

/**
 * A synthetic corpus made by varying the seeds: another org code and name, another year, all
 * amounts scaled, and for the PDF-conversion seed the page breaks moved. Every document is
 * distinct (its own sha256) and still a disclosure the extractors read.
 */
export function generateCorpus(outDir: string, n: number, seedsDir: string): { files: string[]; bytes: number } {
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = varySeed(seeds[i % seeds.length]!, i);
    const file = path.join(outDir, `${String(Math.floor(i / 1000)).padStart(3, '0')}`, `doc-${String(i).padStart(6, '0')}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/** One variant of a seed's text; `i` picks the variation deterministically. */
export function varySeed(text: string, i: number): string {
  const code = String(100 + (i % 900));
  const year = String(2015 + (i % 10));
  const factor = 1 + ((i * 37) % 100) / 1000;
  return text
    .replace(/(^|\t|\n)(\d{3})(\d{0,6})(\s*)(\p{Script=Han})/gu, (_m, pre, _c, rest, sp, han) => `${pre}${code}${rest}${sp}${han}`)
    .replace(/预算年度：\d{4}/g, `预算年度：${year}`)
    .replace(/(^|\t|\n)(\d+\.\d{2})(?=\t|\n|$)/g, (_m, pre, amount) => `${pre}${(Number(amount) * factor).toFixed(2)}`)
    .replace(/\n(?=序号\t)/, i % 3 === 0 ? '\n\n' : '\n');
}
