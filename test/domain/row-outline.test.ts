import { describe, expect, it } from 'vitest';
import { bareLabel, isTotalLabel, normalizeLabel, numberingLevel, readOutline } from '../../src/domain/row-outline.js';

describe('row labels', () => {
  it('drop numbering, 其中, quotes, spaces and a trailing colon', () => {
    expect(normalizeLabel('一、因公出国（境）费')).toBe('因公出国（境）费');
    expect(normalizeLabel('其中：公务用车购置费')).toBe('公务用车购置费');
    expect(normalizeLabel('“三公”经费小计')).toBe('三公经费小计');
    expect(normalizeLabel('（1）专项业务活动费：')).toBe('专项业务活动费');
    expect(normalizeLabel('1、 办公费')).toBe('办公费');
    expect(bareLabel('1、房屋（平方米）')).toBe('房屋');
    expect(bareLabel('维修(护)费')).toBe('维修（护）费');
  });

  it('know numbering levels and totals', () => {
    expect(['一、a', '（一）a', '1、a', '1.a', '（1）a', '①a', 'a', '1.5万元'].map(numberingLevel)).toEqual([1, 2, 3, 3, 4, 5, null, null]);
    expect(['合计', '总计', '资产总额', '“三公”经费小计', '秦皇岛…（本级）小计', '合计数'].map(isTotalLabel)).toEqual([true, true, true, true, true, false]);
  });
});

describe('readOutline', () => {
  const rows = (labels: string[]) => labels.map((label, i) => ({ row: i + 1, label }));

  it('nests numbered rows and reads a 其中 breakdown as complete only with two or more parts', () => {
    // seed 002's 资产构成情况表
    const o = readOutline(rows(['合计', '一、土地、房屋及构筑物', '其中：房屋', '二、通用设备', '其中：汽车', '三、专用设备', '四、文物和陈列品', '其中：文物', '陈列品']));
    expect(o.totals).toEqual([1]);
    expect(o.top).toEqual([2, 4, 6, 7]);
    expect(o.groups).toEqual([
      { parent: 2, children: [3], complete: false, kind: 'of-which' },
      { parent: 4, children: [5], complete: false, kind: 'of-which' },
      { parent: 7, children: [8, 9], complete: true, kind: 'of-which' },
    ]);
  });

  it('puts 1、 items under the 一、 above them and skips continuation rows (seed 004 活动表)', () => {
    const o = readOutline(rows(['一、政府办-政务服务', '1、会议管理', '', '2、督查督办', '二、政府办-应急管理', '1、应急预案演练']));
    expect(o.top).toEqual([1, 5]);
    expect(o.groups).toEqual([
      { parent: 1, children: [2, 4], complete: true, kind: 'numbered' },
      { parent: 5, children: [6], complete: true, kind: 'numbered' },
    ]);
  });

  it('keeps two leading totals apart (三公: 合计 and “三公”经费小计)', () => {
    const o = readOutline(rows(['合计', '“三公”经费小计', '一、因公出国（境）费', '二、公务用车购置及运维费', '三、公务接待费', '四、会议费']));
    expect(o.totals).toEqual([1, 2]);
    expect(o.top).toEqual([3, 4, 5, 6]);
  });
});
