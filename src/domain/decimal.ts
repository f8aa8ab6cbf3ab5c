/**
 * Exact decimal arithmetic over printed numbers, so that a sum of 2-decimal amounts is compared
 * digit for digit and never through binary floating point. A Dec is `units × 10^-scale`.
 */
export interface Dec {
  units: bigint;
  scale: number;
}

/** Reads a plain decimal string (`-1234.50`, no separators) exactly; null when it is not one. */
export function decFromString(s: string): Dec | null {
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(m[2]! + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

/** The same number at a larger scale (more digits after the point). */
export function rescale(d: Dec, scale: number): Dec {
  if (scale < d.scale) throw new Error('rescale only adds digits; use roundDec');
  return { units: d.units * 10n ** BigInt(scale - d.scale), scale };
}

/** The exact sum (zero for no addends). */
export function sumDec(ds: Dec[]): Dec {
  const scale = Math.max(0, ...ds.map((d) => d.scale));
  return { units: ds.reduce((s, d) => s + rescale(d, scale).units, 0n), scale };
}

/** a − b, exactly. */
export function subDec(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units - rescale(b, scale).units, scale };
}

/** Rounds half away from zero to `scale` digits after the point (negative: to tens, hundreds …). */
export function roundDec(d: Dec, scale: number): bigint {
  if (scale >= d.scale) return d.units * 10n ** BigInt(scale - d.scale);
  const div = 10n ** BigInt(d.scale - scale);
  const neg = d.units < 0n;
  const abs = neg ? -d.units : d.units;
  const q = (abs + div / 2n) / div;
  return neg ? -q : q;
}

/** True when a and b print the same at `scale` digits after the point. */
export function equalAt(a: Dec, b: Dec, scale: number): boolean {
  return roundDec(a, scale) === roundDec(b, scale);
}

/** Multiplies by 10^k exactly (a unit conversion: 万元 → 元 is k = 4). */
export function shiftDec(d: Dec, k: number): Dec {
  if (k <= 0) return { units: d.units, scale: d.scale - k };
  if (d.scale >= k) return { units: d.units, scale: d.scale - k };
  return { units: d.units * 10n ** BigInt(k - d.scale), scale: 0 };
}

/** The decimal string of a Dec, with exactly its scale's digits after the point. */
export function formatDec(d: Dec): string {
  if (d.scale <= 0) return (d.units * 10n ** BigInt(-d.scale)).toString();
  const neg = d.units < 0n;
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

/** The nearest JavaScript number (for storing; comparisons stay on Dec). */
export function decToNumber(d: Dec): number {
  return Number(formatDec(d));
}
