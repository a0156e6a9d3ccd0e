/**
 * How many letters two short strings are apart (Levenshtein: an insertion, a deletion or a
 * substitution each counts one): how OCR's slips are measured against a spelling the letter or a
 * reference list gives ("Sait" for "Salt", "PeLrucip" for "Pellucid").
 */
export function lettersApart(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
