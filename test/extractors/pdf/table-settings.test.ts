import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTableSettings, PdfOptionError } from '../../../extractors/pdf/options.js';
import { findRuledTables } from '../../../extractors/pdf/ruled-tables.js';
import { DEFAULT_TABLE_SETTINGS, TableSettings } from '../../../src/model/index.js';
import { extractionFlags } from '../../../src/pipeline/extraction-options.js';
import { tempDir } from '../../support/corpus.js';

const readFile = (f: string) => fs.readFileSync(f, 'utf8');

describe('TableSettings', () => {
  it('names every threshold with its unit, and its defaults are the ones the table code was tuned with', () => {
    for (const key of Object.keys(TableSettings.shape)) expect(key, key).toMatch(/(?:Pt|Em|Share|Count)$/u);
    expect(DEFAULT_TABLE_SETTINGS).toMatchObject({ snapTolerancePt: 2.5, minRulingLengthPt: 3, minEdgeCoverShare: 0.6, chunkGapEm: 0.5, autoMinRowsCount: 3, streamMinRowsCount: 2 });
  });

  it('--table-settings takes JSON or a JSON file, and keeps only what differs from a default', () => {
    expect(parseTableSettings('{"snapTolerancePt": 3, "chunkGapEm": 0.5}', readFile)).toEqual({ snapTolerancePt: 3 });
    const file = path.join(tempDir(), 'settings.json');
    fs.writeFileSync(file, '{"autoMinRowsCount": 4}');
    expect(parseTableSettings(file, readFile)).toEqual({ autoMinRowsCount: 4 });
  });

  it('refuses an unknown key, a value out of range, bad JSON and a missing file, each in one line', () => {
    const refusal = (spec: string) => {
      try {
        parseTableSettings(spec, readFile);
      } catch (e) {
        expect(e).toBeInstanceOf(PdfOptionError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('{"snapTolerance": 3}')).toMatch(/^bad table settings: Unrecognized key: "snapTolerance" \(known: snapTolerancePt, /u);
    expect(refusal('{"minEdgeCoverShare": 1.5}')).toMatch(/^bad table settings: minEdgeCoverShare: /u);
    expect(refusal('{"autoMinRowsCount": 2.5}')).toMatch(/^bad table settings: autoMinRowsCount: /u);
    expect(refusal('{snapTolerancePt: 3}')).toMatch(/^bad table settings: not JSON/u);
    expect(refusal('no-such-settings.json')).toBe('bad table settings: cannot read no-such-settings.json (ENOENT)');
    for (const m of ['{"snapTolerance": 3}', '{"minEdgeCoverShare": 1.5}', '{snapTolerancePt: 3}']) expect(refusal(m)).not.toContain('\n');
  });

  it('is part of what a PDF was extracted with: keys sorted, defaults left out', () => {
    expect(extractionFlags('pdf', { tableSettings: { snapTolerancePt: 3, autoMinRowsCount: 4 } })).toBe('--table-settings {"autoMinRowsCount":4,"snapTolerancePt":3}');
    expect(extractionFlags('pdf', { tableSettings: { snapTolerancePt: 2.5 } })).toBe('');
    expect(extractionFlags('word-text', { tableSettings: { snapTolerancePt: 3 } })).toBe('');
  });

  it('reaches the finders: rulings shorter than minRulingLengthPt are ticks, rulings closer than snapTolerancePt one line', () => {
    // a 2 × 2 grid of 40 pt cells, its middle column rule drawn twice, 2 pt apart
    const h = (y: number) => ({ x0: 0, y0: y, x1: 80, y1: y });
    const v = (x: number) => ({ x0: x, y0: 0, x1: x, y1: 80 });
    const segments = [h(0), h(40), h(80), v(0), v(40), v(42), v(80)];
    const glyph = (ch: string, x0: number, y: number) => ({ ch, x0, x1: x0 + 8, y, size: 8, spaceBefore: false });
    const glyphs = [glyph('A', 10, 60), glyph('B', 55, 60), glyph('C', 10, 20), glyph('D', 55, 20)];
    const columns = (settings: TableSettings) => findRuledTables(segments, glyphs, settings).map((t) => t.xs.length - 1);
    expect(columns(DEFAULT_TABLE_SETTINGS)).toEqual([2]);
    expect(columns({ ...DEFAULT_TABLE_SETTINGS, snapTolerancePt: 1 })).toEqual([3]);
    expect(columns({ ...DEFAULT_TABLE_SETTINGS, minRulingLengthPt: 100 })).toEqual([]);
  });
});
