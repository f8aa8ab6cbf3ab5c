/**
 * Joins body rows that Word's text export printed in pieces: a row split by an empty paragraph
 * inside a cell comes out as several short rows whose cell counts add up to the table width
 * (seed 000 L1814-1821: 3 + 1 + 2 cells of a 6-column 绩效 row; seed 004 L504-515: 4 + 5).
 * Returns groups of row indexes, one group per joined row.
 */
export function joinSplitRows(lengths: number[], width: number): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < lengths.length; i++) {
    if (lengths[i]! < width) {
      let sum = lengths[i]!;
      let k = i + 1;
      while (k < lengths.length && sum + lengths[k]! <= width && lengths[k]! < width) {
        sum += lengths[k]!;
        k++;
        if (sum === width) break;
      }
      if (sum === width && k - i > 1) {
        groups.push(Array.from({ length: k - i }, (_, j) => i + j));
        i = k - 1;
        continue;
      }
    }
    groups.push([i]);
  }
  return groups;
}
