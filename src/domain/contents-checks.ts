import type { Block, Check, CheckRef } from '../model/index.js';

/**
 * `contents-heading` (a `warning`): the table of contents and the text name each section the same
 * way. Read where the contents are organised in parts (`第三部分…`) and number their sections
 * (`十一、其他重要事项说明`): each numbered entry is compared with the first line of the same
 * number under the same part of the text (`十一、其他重要事项的情况说明` fires). Contents without
 * parts are left alone, since their numbers restart inside sections the text numbers differently.
 */
export function checkContents(blocks: Block[]): Check[] {
  const start = blocks.findIndex((b) => squash(b.text) === '目录');
  if (start < 0) return [];
  const contents: Block[] = [];
  let i = start + 1;
  for (; i < blocks.length && contents.length < MAX_ENTRIES; i++) {
    const t = entryText(blocks[i]!);
    // the text begins where an entry is printed again (its first part's title) or prose starts
    if (/[。；]/u.test(t) || contents.some((c) => entryText(c) === t)) break;
    contents.push(blocks[i]!);
  }
  const listed = numbered(contents);
  if (!contents.some((b) => PART.test(entryText(b)))) return [];
  const inText = numbered(blocks.slice(i));
  const checks: Check[] = [];
  for (const e of listed) {
    if (e.part === null) continue;
    const match = inText.find((t) => t.part === e.part && t.number === e.number);
    if (!match || match.name === e.name) continue;
    checks.push({
      rule: 'text',
      name: 'contents-heading',
      status: 'fail',
      severity: 'warning',
      message: `the contents name section ${e.number} of ${e.part} “${e.name}”, the text “${match.name}”`,
      expected: null,
      actual: null,
      difference: null,
      unit: null,
      refs: [ref(e.block), ref(match.block)],
    });
  }
  return checks;
}

/** How many lines a table of contents may have. */
const MAX_ENTRIES = 80;
const PART = /^第([一二三四五六七八九十]+)部分/u;
const SECTION = /^([一二三四五六七八九十]+)、(.{2,40})$/u;

const squash = (s: string) => s.replace(/\s+/gu, '');
/** An entry without its dot leader and page number (`七、项目经费情况说明……………12`). */
const entryText = (b: Block) => squash(b.text).replace(/[.…·．]{2,}\d*$/u, '');

interface Numbered {
  part: string | null;
  number: string;
  name: string;
  block: Block;
}

/** The numbered lines (`十一、其他重要事项说明`) under the part they are in; lines that define or explain (`：`) are not titles. */
function numbered(blocks: Block[]): Numbered[] {
  const out: Numbered[] = [];
  let part: string | null = null;
  for (const b of blocks) {
    const t = entryText(b);
    const p = PART.exec(t);
    if (p) {
      part = `第${p[1]}部分`;
      continue;
    }
    const m = SECTION.exec(t);
    if (!m || /[：:。]/u.test(m[2]!)) continue;
    if (out.some((o) => o.part === part && o.number === m[1])) continue;
    out.push({ part, number: m[1]!, name: m[2]!, block: b });
  }
  return out;
}

function ref(b: Block): CheckRef {
  return { role: 'text', tableOrder: null, row: null, col: null, blockOrder: b.order, prov: b.prov, text: b.text, value: null, unit: null, label: `text: ${b.text}` };
}
