import type { Check, CheckRef, Document, Provenance } from '../model/index.js';

/**
 * `org-name` (a warning): the organisation printed under another name where it names itself — the
 * cover, a heading, a table title, an org line (`编制部门：`), or a sentence whose subject it is
 * (`上海市财政局2024年度收入支出总计…` in the disclosure of 上海市普陀区财政局). The name is
 * looked for by its own part (财政局, 社会工作部); a variant is that part after other place names
 * than the document's (上海市 without 普陀区). Prose that mentions another body of the same kind
 * (`上海市财政局` giving an instruction) is no variant unless a year follows it as its subject.
 */
export function checkOrgName(doc: Document): Check[] {
  const org = doc.org.name?.replace(/\s+/gu, '');
  if (!org) return [];
  const own = ownPart(org);
  if (!own || own === org) return [];
  const prefix = org.slice(0, org.length - own.length);
  const checks: Check[] = [];
  const seen = new Set<string>();
  for (const piece of places(doc)) {
    const text = piece.text.replace(/\s+/gu, '');
    for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + own.length)) {
      const before = text.slice(0, at);
      if (before.endsWith(prefix)) continue;
      const place = PLACE_BEFORE.exec(before)?.[0];
      if (!place) continue;
      if (piece.kind === 'prose' && !/^(?:19|20)\d{2}年/u.test(text.slice(at + own.length))) continue;
      const variant = place + own;
      if (org.endsWith(variant) && piece.kind === 'prose') continue;
      const key = `${variant}@${piece.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ref: CheckRef = { role: 'text', tableOrder: piece.tableOrder, row: null, col: null, blockOrder: piece.blockOrder, text: piece.text, value: null, unit: null, label: piece.label, prov: piece.prov };
      checks.push({ rule: 'text', name: 'org-name', status: 'fail', severity: 'warning', message: `${piece.label} names the organisation ${variant}, elsewhere ${org}`, expected: null, actual: null, difference: null, unit: null, refs: [ref] });
    }
  }
  return checks;
}

/** The place names an organisation's name starts with: 中共, a province or city, a district, a party committee (区委). */
const PLACES = /^(?:中共|中国共产党)?(?:\p{Script=Han}{2,8}?(?:省|自治区|市))?(?:\p{Script=Han}{1,6}?(?:区|县|市|旗))?(?:委员会|委)?/u;
/** Place names right before the organisation's own part: `上海市`, `普陀区`, `区委`. */
const PLACE_BEFORE = /(?:中共|中国共产党)?(?:\p{Script=Han}{0,6}?(?:省|自治区|市))?(?:\p{Script=Han}{0,6}?(?:区|县|旗))?(?:委)?$/u;

/** 上海市普陀区财政局 → 财政局; 中共上海市普陀区委社会工作部 → 社会工作部. */
function ownPart(org: string): string | null {
  const m = PLACES.exec(org);
  const rest = org.slice(m?.[0].length ?? 0);
  return rest.length >= 2 ? rest : null;
}

interface Place {
  kind: 'title' | 'prose';
  text: string;
  label: string;
  tableOrder: number | null;
  blockOrder: number | null;
  prov: Provenance[];
}

/** Where a disclosure names itself: headings, table titles, the cover and org lines; and its prose. */
function places(doc: Document): Place[] {
  const out: Place[] = [];
  const firstHeading = doc.blocks.findIndex((b) => b.type === 'heading');
  doc.blocks.forEach((b, i) => {
    if (b.type === 'table' || b.type === 'toc') return;
    const titleLike = b.type === 'heading' || i < firstHeading || /^(?:编制|预算)?(?:部门|单位)(?:名称)?[:：]|^预算(?:主管部门|单位)[:：]/u.test(b.text.trim());
    out.push({ kind: titleLike ? 'title' : 'prose', text: b.text, label: `${b.type === 'heading' ? 'the heading' : 'the text'} “${clip(b.text)}”`, tableOrder: null, blockOrder: b.order, prov: b.prov });
  });
  for (const t of doc.tables) if (t.title) out.push({ kind: 'title', text: t.title, label: `the title ${clip(t.title)}`, tableOrder: t.order, blockOrder: null, prov: t.prov.slice(0, 1) });
  return out;
}

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);
