import { describe, expect, it } from 'vitest';
import { cleanText, cleanTitle, splitLongDashes, unifyRadicals } from '../../src/normalize/clean-text.js';
import { RADICAL_IDEOGRAPHS } from '../../src/normalize/radical-ideographs.js';

describe('cleanText', () => {
  it.each([
    ['项  目', '项目'],
    ['一般公共预算              财政拨款', '一般公共预算财政拨款'],
    ['12882 平方米', '12882平方米'],
    ['    其中：教学科研人员因公出国（境）费', '其中：教学科研人员因公出国（境）费'],
    ['　　其中：办公用房（平方米）', '其中：办公用房（平方米）'],
    ['[bookmark: _GoBack]4.25', '4.25'],
    ['  90%  及以上', '90%及以上'],
    ['Hello   World', 'Hello World'],
    ['1.确保运转。   \n\n2.严格标准。   ', '1.确保运转。\n2.严格标准。'],
  ])('%j → %j', (raw, clean) => expect(cleanText(raw)).toBe(clean));
});

describe('cleanTitle', () => {
  it.each([
    ['14.深改办工作经费绩效目标表 TC 14、深改办工作经费绩效目标表 \\f C \\l 1  ', '深改办工作经费绩效目标表'],
    ['[bookmark: _Toc_2_2_0000000001]部门预算收支总表', '部门预算收支总表'],
    ['1、（一）非全额事业单位定额补助绩效目标表', '非全额事业单位定额补助绩效目标表'],
    ['一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1  ', '总体绩效目标'],
    ['2022年资产构成情况表', '2022年资产构成情况表'],
  ])('%j → %j', (raw, clean) => expect(cleanTitle(raw)).toBe(clean));
});

describe('unifyRadicals', () => {
  it.each([
    // CJK Radicals Supplement: NFKC leaves these alone
    ['⻔', '门', 0x2ed4],
    ['⻓', '长', 0x2ed3],
    ['⻋', '车', 0x2ecb],
    // Kangxi Radicals
    ['⽀', '支', 0x2f40],
    ['⼊', '入', 0x2f0a],
    ['⼀', '一', 0x2f00],
    // CJK Strokes
    ['㇐', '一', 0x31d0],
  ])('%s (U+%s) → %s', (radical, ideograph, cp) => {
    expect(radical.codePointAt(0)).toBe(cp);
    expect(unifyRadicals(radical)).toBe(ideograph);
  });

  it('turns a Chromium-printed title into the one every other producer prints', () => {
    expect(unifyRadicals('部⻔预算收⽀总表')).toBe('部门预算收支总表');
    expect(cleanText('⼀、⼀般公共预算拨款收⼊')).toBe('一、一般公共预算拨款收入');
    expect(cleanTitle('1、部⻔预算收⽀总表')).toBe('部门预算收支总表');
  });

  it('leaves radicals without an equivalent ideograph, and all other text, as they are', () => {
    // U+2E80 CJK RADICAL REPEAT has no equivalent unified ideograph
    expect(unifyRadicals('\u2e80')).toBe('\u2e80');
    expect(unifyRadicals('部门预算 929.90 ≥90%')).toBe('部门预算 929.90 ≥90%');
  });

  it('reads ⼾ as 户, the form mainland fonts draw it in (Noto CJK SC shares its glyph with 户, not 戶)', () => {
    expect(unifyRadicals('财政专⼾')).toBe('财政专户');
    expect(unifyRadicals('⾭⻘⿈⻩⾨⻔')).toBe('靑青黃黄門门');
  });

  it('agrees with NFKC on every Kangxi radical but ⼾, and covers both radical blocks', () => {
    const kangxi = RADICAL_IDEOGRAPHS.filter(([from]) => from >= 0x2f00 && from <= 0x2fdf);
    expect(kangxi).toHaveLength(214);
    for (const [from, to] of kangxi) if (from !== 0x2f3e) expect(String.fromCodePoint(from).normalize('NFKC')).toBe(String.fromCodePoint(to));
    const supplement = RADICAL_IDEOGRAPHS.filter(([from]) => from >= 0x2e80 && from <= 0x2eff);
    expect(supplement.length).toBeGreaterThan(100);
    for (const [from, to] of supplement) expect(unifyRadicals(String.fromCodePoint(from))).toBe(String.fromCodePoint(to));
  });
});

describe('splitLongDashes', () => {
  it('gives the em dashes a two- or three-em dash stands for, in clean text', () => {
    expect(splitLongDashes('\u2e3a')).toBe('——');
    expect(splitLongDashes('a\u2e3bb')).toBe('a———b');
    expect(cleanText('\u2e3a')).toBe('——');
    expect(cleanText('——')).toBe('——');
  });

  it('reads a horizontal bar (U+2015) as the em dash a producer mapped it from', () => {
    expect(cleanText('受理\u2015立案\u2015\u2015结案')).toBe('受理—立案——结案');
    expect(cleanText('受理—立案')).toBe('受理—立案');
  });
});
