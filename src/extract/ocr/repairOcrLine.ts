/**
 * A line as OCR read it, with the confusions that break names, sentences and dates undone where the
 * reading is plain: capital I read as "|" ("| am pleased"), small l read as capital I after a capital
 * ("EIm Street"), and, in a line of capitalized words (a
 * name or an address), "lyer" for "Iyer"; and "v" read as "w" in a date's month ("Now. 23, 2026",
 * which native tesseract read on a scanned fixture where tesseract.js read "Nov.").
 *
 * Every repair changes letters inside a word, never the spaces between words: a line keeps its
 * words one for one, so each keeps its box and confidence (see repairOcrWords).
 */
export function repairOcrLine(line: string): string {
  return capitalIInNames(
    line
      // "EIm Street", "AIlen": a capital I between a capital and small letters is a small l; no word is spelt so.
      .replace(/\b([A-Z])I([a-z]+)\b/g, '$1l$2')
      .replace(/(^|[\s"“(])\|(?=\s+(?:am|have|had|will|would|look|hope|was|can|want|wish|write|trust|believe|appreciate)\b)/g, '$1I')
      .replace(/\bNow(?=\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b)/g, 'Nov'),
  );
}

/** The words of one line, repaired as repairOcrLine repairs the line: the same number of words, in the same order. */
export function repairOcrWords(words: readonly string[]): string[] {
  const repaired = repairOcrLine(words.join(' ')).split(' ');
  return repaired.length === words.length ? repaired : [...words];
}

const CAPITALIZED = /^[A-Z][a-z'’-]*[,.]?$/;
// A small l before a consonant ("lyer", "lngrid", "llse") opens no English word but many names with I;
// before a vowel it is a word ("Work location", "We look").
const LOWER_L_FOR_I = /^l([^aeiou\W\d_][a-z]+[,.]?)$/;

function capitalIInNames(line: string): string {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return line;
  const suspects = words.filter((w) => LOWER_L_FOR_I.test(w));
  if (suspects.length !== 1 || !words.every((w) => CAPITALIZED.test(w) || LOWER_L_FOR_I.test(w))) return line;
  return line.replace(new RegExp(`(^|\\s)${suspects[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`), (m, lead: string) => `${lead}I${suspects[0].slice(1)}`);
}
