import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The layers behind their doors: an extractor knows only its format (bytes → RawDocument),
 * normalisation only tables (RawDocument → Document) with the budget vocabulary handed in as
 * data. Each may import its own folder, the shapes (src/model/) and the text helpers (src/text/);
 * never the domain, the pipeline, the store or each other's.
 */
const LAYERS: { dir: string; may: string[] }[] = [
  { dir: 'extractors', may: ['extractors', 'src/model', 'src/text'] },
  { dir: 'src/normalize', may: ['src/normalize', 'src/model', 'src/text'] },
];

const SOURCE = /\.(?:ts|mts|mjs|js)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The specifiers a module imports: static imports, re-exports and dynamic import() of a string. */
function importsOf(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The repo path a relative import points at; null for a package or a node: builtin. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

/** Every import of the layer that reaches outside what it may import, as `file → target`. */
function crossings(layer: { dir: string; may: string[] }): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(layer.dir)) {
    for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      const to = target(file, spec);
      if (to !== null && !layer.may.some((d) => inside(to, d))) out.push(`${file} → ${to}`);
    }
  }
  return out;
}

describe('the layers import only what they may', () => {
  it.each(LAYERS)('$dir imports nothing of the domain, the pipeline or another layer', (layer) => {
    expect(crossings(layer)).toEqual([]);
  });

  it('reads the imports it checks (a reader that found none would pass anything)', () => {
    const normalize = fs.readFileSync(path.join(ROOT, 'src/normalize/normalize-document.ts'), 'utf8');
    expect(importsOf(normalize)).toContain('./clean-text.js');
    expect(importsOf(normalize)).toContain('../model/index.js');
    const registry = fs.readFileSync(path.join(ROOT, 'extractors/index.ts'), 'utf8');
    expect(importsOf(registry)).toContain('./pdf/extract-pdf.js'); // the dynamic import of pdfjs's extractor
    expect(sourceFiles('extractors')).toContain('extractors/pdf/ocr/reread-page.ts');
  });

  it('names the import of the domain that normalisation had before its vocabulary came as data', () => {
    const code = "import type { Table } from '../model/index.js';\nimport { classifyTableKind } from '../domain/table-kinds.js';\n";
    const to = importsOf(code).map((s) => target('src/normalize/normalize-document.ts', s));
    expect(to).toEqual(['src/model/index.js', 'src/domain/table-kinds.js']);
    expect(to.filter((t) => t !== null && !LAYERS[1]!.may.some((d) => inside(t, d)))).toEqual(['src/domain/table-kinds.js']);
  });
});
