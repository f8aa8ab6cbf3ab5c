import type { Block, CheckRef, Provenance } from '../model/index.js';

/** Consecutive paragraphs read as one text: explanations are printed over many lines, and PDFs break them at every line. */
export interface ProseRun {
  text: string;
  /** Where each block's text starts in the run. */
  pieces: { start: number; block: Block }[];
}

/** Consecutive paragraphs joined, white space dropped: a heading, a table or a table of contents ends a run. */
export function proseRuns(blocks: Block[]): ProseRun[] {
  const runs: ProseRun[] = [];
  let cur: ProseRun | null = null;
  for (const b of blocks) {
    if (b.type !== 'paragraph') {
      cur = null;
      continue;
    }
    if (!cur) runs.push((cur = { text: '', pieces: [] }));
    cur.pieces.push({ start: cur.text.length, block: b });
    cur.text += b.text.replace(/\s+/gu, '');
  }
  return runs;
}

/** The first block and the provenance of the blocks a stretch [from, to) of a run comes from. */
export function provOf(run: ProseRun, from: number, to: number): { blockOrder: number; prov: Provenance[] } {
  const inside = run.pieces.filter((p, i) => p.start < to && (run.pieces[i + 1]?.start ?? Infinity) > from);
  return { blockOrder: inside[0]?.block.order ?? run.pieces[0]!.block.order, prov: inside.flatMap((p) => p.block.prov) };
}

/** The prose side of a check: the stretch [from, to) of a run, with its provenance; `label` names it (the stretch, cut to 60 characters, when not given). */
export function proseRef(run: ProseRun, from: number, to: number, label?: string): CheckRef {
  const text = run.text.slice(from, to);
  return { role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value: null, unit: null, label: `text: ${label ?? (text.length > 60 ? `${text.slice(0, 60)}…` : text)}` };
}
