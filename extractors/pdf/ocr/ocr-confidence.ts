import type { Diagnostic, PdfProvenance, RawBlock } from '../../../src/model/index.js';
import type { Glyph } from '../page-content.js';

/**
 * A cell read with less confidence than this (its least certain word, 0–1) is kept as read and
 * flagged. On our scans (corpus/scans) Tesseract gives most words 0.9 and above, and the
 * misread amounts mostly fall below this.
 */
export const LOW_CONFIDENCE = 0.8;

/** The provenance with the OCR confidence of its text: that of its least certain glyph; unchanged for printed text. */
export function withOcrConfidence(prov: PdfProvenance, glyphs: readonly Glyph[]): PdfProvenance {
  let least = Infinity;
  for (const g of glyphs) if (g.confidence !== undefined && g.confidence < least) least = g.confidence;
  return least === Infinity ? prov : { ...prov, ocr: { confidence: least } };
}

/** A warning for each table cell read by OCR below LOW_CONFIDENCE, pointing at the cell; not for a cell a diagnostic in `flagged` already points at. */
export function lowConfidenceCells(blocks: readonly RawBlock[], flagged: readonly Diagnostic[] = []): Diagnostic[] {
  const known = new Set(flagged.flatMap((d) => (d.place?.kind === 'pdf' && d.place.ocr ? [placeKey(d.place)] : [])));
  const out: Diagnostic[] = [];
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    for (const row of b.rows)
      for (const cell of row.cells) {
        const place = cell.prov.find((p): p is PdfProvenance => p.kind === 'pdf' && p.ocr !== undefined && p.ocr.confidence < LOW_CONFIDENCE);
        if (place && !known.has(placeKey(place))) out.push({ severity: 'warning', code: 'ocr-low-confidence', stage: 'extract', message: `page ${place.page}: "${cell.raw}" read by OCR with confidence ${place.ocr!.confidence.toFixed(2)}: check it against the scan`, place });
      }
  }
  return out;
}

const placeKey = (p: PdfProvenance) => `${p.page}:${p.bbox.join(',')}`;
