/**
 * The org / year / unit / as-of lines printed above a table (one cell each in text exports), or
 * on a cover. An org line either gives a budget-unit code with the name (`434政府办`) or names
 * the org after a label (`编制部门：…`), with no code.
 */
export type MetaLine =
  | { field: 'org'; code: string | null; name: string; text: string }
  | { field: 'year'; year: string; text: string }
  | { field: 'unit'; unit: string; text: string }
  | { field: 'asOf'; date: string; text: string };

/**
 * Labels before an org's name: the national 编制部门 / 填报单位 under a table, Shanghai's
 * 编制部门 / 编制单位 under each table and 预算主管部门 / 预算单位 on the cover, 单位名称 in forms.
 */
const ORG_LABEL = '(?:预算主管部门|主管部门|预算单位|单位名称|部门名称|(?:编制|填报)(?:部门|单位))';
const ORG_LINE = new RegExp(`^${ORG_LABEL}[:：]\\s*(\\S.*)$`, 'u');

/** Every label a metadata line starts with, colon included. */
const META_FIELD = `(?:${ORG_LABEL}|(?:预算|决算)?年度|(?:金额)?单位|截[止至](?:时间|日期)?)[:：]`;
const META_LABEL = new RegExp(`^${META_FIELD}`, 'u');

/** A line that begins with a metadata label (`单位：…`, `截止时间：…`, `预算主管部门：…`): never a title, even when its value reads oddly. */
export function isMetaLabelled(text: string): boolean {
  return META_LABEL.test(text.replace(/\s+/gu, ''));
}

/** Reads one clean line as table or document metadata, or null when it is something else. */
export function parseMetaLine(text: string): MetaLine | null {
  let m = /^(?:预算|决算)?年度[:：]\s*(\d{4})/u.exec(text);
  if (m) return { field: 'year', year: m[1]!, text };
  m = /^(?:金额)?单位[:：]\s*(\S+?)\s*$/u.exec(text);
  if (m) return { field: 'unit', unit: m[1]!, text };
  m = /^截[止至](?:时间|日期)?[:：]\s*(\S.*)$/u.exec(text);
  if (m) return { field: 'asOf', date: m[1]!.trim(), text };
  m = ORG_LINE.exec(text);
  if (m) return { field: 'org', code: null, name: m[1]!.trim(), text };
  // 434政府办, 201区委部门, 201001中国共产党…(本级): a budget-unit code and the unit's name
  m = /^(\d{3,9})\s*(\p{Script=Han}.*)$/u.exec(text);
  if (m && !/^\d{4}年/u.test(text)) return { field: 'org', code: m[1]!, name: m[2]!.trim(), text };
  return null;
}

/**
 * A row made only of metadata lines (and empty cells), with at least one line that cannot be
 * a table cell's content by itself. A lone coded org line counts only together with another
 * field, since `201 一般公共服务支出` style cells look alike; a labelled one (`编制部门：…`) is
 * unmistakable.
 */
export function parseMetaRow(cells: string[]): MetaLine[] | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0 || filled.length > 4) return null;
  const lines = filled.map(parseMetaLine);
  if (lines.some((l) => l === null)) return null;
  const parsed = lines as MetaLine[];
  const coded = (l: MetaLine) => l.field === 'org' && l.code !== null;
  if (parsed.every(coded) && filled.length > 1) return null;
  if (parsed.length === 1 && coded(parsed[0]!) && cells.length > 1) return null;
  return parsed;
}

const META_KEYWORD = new RegExp(META_FIELD, 'gu');

/**
 * A line of prose that holds only metadata, possibly several fields on one line as PDF
 * converters print them (`430 秦皇岛…中心 预算年度：2023 单位：万元`); null when any part is
 * something else.
 */
export function parseMetaParagraph(text: string): MetaLine[] | null {
  const starts = [...text.matchAll(META_KEYWORD)].map((m) => m.index!);
  const cuts = [0, ...starts.filter((i) => i > 0), text.length];
  const pieces = cuts.slice(0, -1).map((c, k) => text.slice(c, cuts[k + 1]).trim()).filter((p) => p !== '');
  if (pieces.length === 0) return null;
  const lines = pieces.map(parseMetaLine);
  if (lines.some((l) => l === null)) return null;
  return lines as MetaLine[];
}
