import fs from 'node:fs';
import path from 'node:path';
import { readZipDirectory, readZipEntry } from '../../extractors/zip/read-zip.js';
import { writeZip } from '../lib/write-zip.js';

/** A small deterministic generator, so that a mutant can be made again from its seed and number. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export type Rng = () => number;
const pick = (next: Rng, k: number) => Math.floor(next() * k);

/** A run of a million of one character: the inputs that made patterns quadratic. */
const RUN_CHARS = ['.', '\t', '7', ' '];

/** Byte-level damage any format can take: flipped bytes, a cut, NULs. */
export function damageBytes(bytes: Buffer, next: Rng): { bytes: Buffer; how: string } {
  const out = Buffer.from(bytes);
  switch (pick(next, 3)) {
    case 0: {
      const k = 1 + pick(next, 8);
      for (let i = 0; i < k; i++) out[pick(next, out.length)] = pick(next, 256);
      return { bytes: out, how: `${k} bytes flipped` };
    }
    case 1: {
      const at = pick(next, out.length);
      return { bytes: out.subarray(0, at), how: `cut at ${at}` };
    }
    default: {
      const at = pick(next, out.length);
      const n = 1 + pick(next, 64);
      return { bytes: Buffer.concat([out.subarray(0, at), Buffer.alloc(n), out.subarray(at)]), how: `${n} NULs at ${at}` };
    }
  }
}

/** Text damage: lines shuffled, tabs deleted, a run of a million dots/tabs/digits/spaces, or byte damage. */
export function mutateText(text: string, next: Rng): { bytes: Buffer; how: string } {
  let lines = text.split('\n');
  switch (pick(next, 5)) {
    case 0: {
      const i = pick(next, lines.length);
      const ch = RUN_CHARS[pick(next, RUN_CHARS.length)]!;
      lines.splice(i, 0, ch.repeat(1_000_000));
      return { bytes: Buffer.from(lines.join('\n')), how: `a line of 1M ${JSON.stringify(ch)} at line ${i + 1}` };
    }
    case 1: {
      const i = pick(next, lines.length);
      const window = lines.slice(i, i + 50);
      for (let k = window.length - 1; k > 0; k--) {
        const j = pick(next, k + 1);
        [window[k], window[j]] = [window[j]!, window[k]!];
      }
      lines.splice(i, window.length, ...window);
      return { bytes: Buffer.from(lines.join('\n')), how: `lines ${i + 1}… shuffled` };
    }
    case 2: {
      let removed = 0;
      lines = lines.map((l) => (next() < 0.1 && l.includes('\t') ? (removed++, l.replace('\t', '')) : l));
      return { bytes: Buffer.from(lines.join('\n')), how: `${removed} tabs deleted` };
    }
    case 3:
      return { bytes: Buffer.from(lines.join('\r\n')), how: 'CRLF' };
    default:
      return damageBytes(Buffer.from(text), next);
  }
}

/** Two-letter operators that set numbers: one put in another's place gives its operands the wrong kinds (NaN). */
const PDF_OPERATORS = ['Tf', 'Td', 'TD', 'Tm', 'cm', 're', 'Tc', 'Tw', 'Tz', 'TL', 'Ts'];

/** PDF damage on an uncompressed PDF: operators swapped (same length, so the xref stays right), or byte damage. */
export function mutatePdf(pdf: Buffer, next: Rng): { bytes: Buffer; how: string } {
  if (pick(next, 2) === 0) return damageBytes(pdf, next);
  const text = pdf.toString('latin1');
  const at: number[] = [];
  const re = / (Tf|Td|TD|Tm|cm|re|Tc|Tw|Tz|TL|Ts)\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index + 1);
  const out = Buffer.from(pdf);
  const k = 1 + pick(next, 3);
  for (let i = 0; i < k && at.length; i++) out.write(PDF_OPERATORS[pick(next, PDF_OPERATORS.length)]!, at[pick(next, at.length)]!, 'latin1');
  return { bytes: out, how: `${k} operators swapped` };
}

/** .docx damage: a cell of a million spaces, content controls nested 20,000 deep, or byte damage. */
export function mutateDocx(docx: Buffer, next: Rng): { bytes: Buffer; how: string } {
  const kind = pick(next, 3);
  if (kind === 2) return damageBytes(docx, next);
  const dir = readZipDirectory(docx);
  const files = [...dir.values()].map((e) => ({ name: e.name, data: readZipEntry(docx, e, 64 * 1024 * 1024) }));
  const main = files.find((f) => f.name === 'word/document.xml')!;
  let xml = main.data.toString('utf8');
  if (kind === 0) {
    const cells = [...xml.matchAll(/<w:t>/g)].map((m) => m.index!);
    const i = cells[pick(next, cells.length)]!;
    xml = `${xml.slice(0, i)}<w:t xml:space="preserve">${' '.repeat(1_000_000)}</w:t><w:t>${xml.slice(i + 5)}`;
  } else {
    const i = xml.indexOf('<w:body>') + 8;
    xml = `${xml.slice(0, i)}${'<w:sdt><w:sdtContent>'.repeat(20_000)}${'</w:sdtContent></w:sdt>'.repeat(20_000)}${xml.slice(i)}`;
  }
  main.data = Buffer.from(xml);
  return { bytes: writeZip(files), how: kind === 0 ? 'a run of 1M spaces in a cell' : '20,000 nested content controls' };
}

/** The documents mutants are made from, by kind. */
export interface Bases {
  text: string[];
  pdf: Buffer[];
  docx: Buffer[];
  xlsx: Buffer[];
}

export function loadBases(root: string): Bases {
  const corpus = path.join(root, 'corpus');
  const seeds = fs.readdirSync(corpus).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  return {
    text: seeds.map((f) => fs.readFileSync(path.join(corpus, f), 'utf8')),
    // an uncompressed rendering of seed 001 (qpdf --stream-data=uncompress): operators can be swapped in place
    pdf: [fs.readFileSync(path.join(root, 'test/fixtures/reliability/pdf-min-one-operator-Tf-to-TD-zod-NaN.pdf'))],
    docx: ['001_655c0751f88457f2', '004_3c83e1ac369f3f17'].map((s) => fs.readFileSync(path.join(corpus, 'rendered', `${s}.docx`))),
    xlsx: ['003_fc1028512c8b7c0f'].map((s) => fs.readFileSync(path.join(corpus, 'rendered', `${s}.xlsx`))),
  };
}

/** Mutant number `n` of a run with this seed: text, .docx, PDF and spreadsheets in turn. */
export function mutant(bases: Bases, seed: number, n: number): { name: string; bytes: Buffer; how: string } {
  const next = random(seed * 100_003 + n);
  const kind = (['text', 'docx', 'pdf', 'xlsx'] as const)[n % 4]!;
  const name = `m${String(n).padStart(5, '0')}`;
  switch (kind) {
    case 'text':
      return { name: `${name}.txt`, ...mutateText(bases.text[pick(next, bases.text.length)]!, next) };
    case 'docx':
      return { name: `${name}.docx`, ...mutateDocx(bases.docx[pick(next, bases.docx.length)]!, next) };
    case 'pdf':
      return { name: `${name}.pdf`, ...mutatePdf(bases.pdf[pick(next, bases.pdf.length)]!, next) };
    default:
      return { name: `${name}.xlsx`, ...damageBytes(bases.xlsx[pick(next, bases.xlsx.length)]!, next) };
  }
}
