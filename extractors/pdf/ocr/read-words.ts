import { toPgm, type GrayImage } from './gray-image.js';
import { runTool, ToolError } from './run-tool.js';

/** A word Tesseract read: its text, its box in pixels (y down), its confidence 0–100 and the line it is on. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  /** block, paragraph and line numbers joined: words of one printed line share it. */
  line: string;
}

/**
 * Page segmentation mode 6, one uniform block of text: a table page read row by row, across
 * its columns. (The default, 3, looks for columns and cuts a table into many blocks of a few
 * cells; 11, sparse text, loses the order of characters within a cell.)
 */
export const TESSERACT_PSM = 6;

/** How Tesseract reads: its language model, page segmentation mode and, optionally, the only characters it may read. */
export interface ReadMode {
  lang: string;
  psm: number;
  whitelist?: string;
}

/** A page: Simplified Chinese (digits and Latin letters included), row by row. */
export const PAGE_MODE: ReadMode = { lang: 'chi_sim', psm: TESSERACT_PSM };

/** Reads the words of an image with the `tesseract` CLI, TSV output. */
export async function readWords(img: GrayImage, timeoutMs: number, mode: ReadMode = PAGE_MODE): Promise<OcrWord[]> {
  // one thread per tesseract: pages run in parallel through --jobs, and OpenMP threads on a busy machine only wait for each other
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const only = mode.whitelist !== undefined ? ['-c', `tessedit_char_whitelist=${mode.whitelist}`] : [];
  const args = ['stdin', 'stdout', '-l', mode.lang, '--psm', String(mode.psm), '-c', 'preserve_interword_spaces=1', ...only, 'tsv'];
  const tsv = await runTool('tesseract', args, toPgm(img), timeoutMs, env).catch((e: unknown) => {
    // without its language data Tesseract can read nothing here: as good as not installed
    if (e instanceof ToolError && /Failed loading language/i.test(e.message)) throw new ToolError(`tesseract has no ${mode.lang === 'chi_sim' ? 'Simplified Chinese' : 'English'} data (${mode.lang})`, true);
    throw e;
  });
  return parseTsv(tsv.toString('utf8'));
}

/** Tesseract's TSV: one row per page, block, paragraph, line and word; only words (level 5) with text are kept. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  const [head, ...rows] = tsv.split('\n');
  const cols = (head ?? '').split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`tesseract TSV without a ${name} column`);
    return i;
  };
  const [level, block, par, line, left, top, width, height, conf, text] = ['level', 'block_num', 'par_num', 'line_num', 'left', 'top', 'width', 'height', 'conf', 'text'].map(at) as number[];
  for (const row of rows) {
    const f = row.split('\t');
    if (f[level!] !== '5') continue;
    const t = (f[text!] ?? '').trim();
    if (t === '') continue;
    words.push({ text: t, left: Number(f[left!]), top: Number(f[top!]), width: Number(f[width!]), height: Number(f[height!]), confidence: Number(f[conf!]), line: `${f[block!]}.${f[par!]}.${f[line!]}` });
  }
  return words;
}
