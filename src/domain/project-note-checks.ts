import type { Block, Check, CheckRef, Document } from '../model/index.js';
import { tableRole } from './table-kinds.js';

/**
 * `project-note` (a `warning`): a project note (`区政府督查…工作业务经费项目经费情况说明`, with its
 * fields 一、项目概述 … 六、年度预算安排 … 七、绩效目标) says what each field asks:
 * - a field with nothing under it;
 * - a 年度预算安排 that states no amount (`结合区政府重点工作推进情况，…按时拨付资金。`);
 * - a 绩效目标 that refers to a 绩效目标表 (`详见单位的项目绩效目标表`) where the document prints none;
 * - a 实施主体 that says what is done instead of who does it (`主要完成区委、区政府年度重点工作任务书
 *   印制工作…`): a field opening with a verb of work, and naming no doer (由…, …负责, 实施单位 …).
 */
export function checkProjectNotes(doc: Document): Check[] {
  const blocks = doc.blocks;
  const printsTargets = doc.tables.some((t) => tableRole(t.kind) === 'performance_targets');
  const checks: Check[] = [];
  blocks.forEach((b, i) => {
    const title = squash(b.text);
    if (b.type === 'toc' || !NOTE_TITLE.test(title) || NUMBERED.test(title)) return;
    for (const f of fields(blocks, i + 1)) {
      const text = f.content.map((c) => squash(c.text)).join('');
      const at = f.content[0] ?? f.heading;
      if (text === '') checks.push(finding(`the project note “${title}” has nothing under ${f.name}`, f.heading, f.heading));
      else if (/年度预算安排$/u.test(f.name) && !AMOUNT.test(text)) checks.push(finding(`the project note “${title}” states no amount under ${f.name}: “${clip(text)}”`, f.heading, at));
      else if (/实施主体$/u.test(f.name) && WORK_VERB.test(text) && !NAMES_DOER.test(text)) checks.push(finding(`the project note “${title}” says under ${f.name} what is done, not who does it: “${clip(text)}”`, f.heading, at));
      else if (/绩效目标$/u.test(f.name) && REFERS_TO_TABLE.test(text) && !printsTargets) checks.push(finding(`the project note “${title}” refers its ${f.name} to a 绩效目标表 (“${clip(text)}”), and the document prints none`, f.heading, at));
    }
  });
  return checks;
}

/** A project note's title: `…项目经费情况说明`, `…项目情况说明`. */
const NOTE_TITLE = /项目(?:经费)?情况说明$/u;
/** A numbered line: the contents' or a section's `七、项目经费情况说明`, not a project's own note. */
const NUMBERED = /^[一二三四五六七八九十\d]+[、.．]/u;
const FIELD = /^([一二三四五六七八九十]+、(?:项目概述|立项依据|实施主体|实施方案|实施周期|年度预算安排|绩效目标))$/u;
const AMOUNT = /\d(?:[\d,]*)(?:\.\d+)?(?:万元|元|亿元)/u;
/** A field opening with what is done (`主要完成…`, `用于…`, `开展…`): a purpose, where a body is asked for. */
const WORK_VERB = /^(?:主要)?(?:完成|用于|开展|进行|推进|做好|保障|确保|实现|组织|加强)/u;
/** Words that name who carries the project out. */
const NAMES_DOER = /由|负责|承担|承办|牵头|实施单位|实施主体(?:为|是)/u;
const REFERS_TO_TABLE = /(?:详见|见|参见).{0,12}绩效目标表/u;
/** How many lines a field may run to. */
const MAX_FIELD_LINES = 12;

const squash = (s: string) => s.replace(/\s+/gu, '');
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

interface Field {
  name: string;
  heading: Block;
  content: Block[];
}

/** The fields of a note from `start` on, each with the paragraphs under it, up to a heading, a table or a line that is no field's. */
function fields(blocks: Block[], start: number): Field[] {
  const out: Field[] = [];
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    const m = FIELD.exec(squash(b.text));
    if (m) {
      out.push({ name: m[1]!, heading: b, content: [] });
      continue;
    }
    const cur = out.at(-1);
    if (!cur || b.type !== 'paragraph' || NOTE_TITLE.test(squash(b.text)) || cur.content.length >= MAX_FIELD_LINES) break;
    cur.content.push(b);
  }
  return out;
}

function finding(message: string, field: Block, content: Block): Check {
  const refs: CheckRef[] = [field, ...(content === field ? [] : [content])].map((b) => ({
    role: 'text',
    tableOrder: null,
    row: null,
    col: null,
    blockOrder: b.order,
    prov: b.prov,
    text: b.text,
    value: null,
    unit: null,
    label: `text: ${b.text.length > 60 ? `${b.text.slice(0, 60)}…` : b.text}`,
  }));
  return { rule: 'completeness', name: 'project-note', status: 'fail', severity: 'warning', message, expected: null, actual: null, difference: null, unit: null, refs };
}
