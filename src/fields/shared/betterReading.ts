import { layoutOf } from '../layout/layoutView.js';
import type { Letter } from '../letter.js';
import { lettersApart } from './lettersApart.js';

// A name's word read under this confidence is as likely misread as not ("Tomés" at 0.38 for "Tomás").
const DOUBTED = 0.6;
// Another reading of the same name counts when OCR was sure of every one of its words.
const SURE = 0.85;
// How many letters a word of the other reading may differ by (an accent, a letter misread).
const SLIP = 2;
const MIN_WORD = 4;

interface ReadWord {
  text: string;
  confidence: number | null;
}

/**
 * The same name read better elsewhere on the letter's OCR pages: a name is often written twice
 * (the greeting and the acceptance line, the address block and the greeting), and OCR reads one of
 * them poorly. Where a word of `name` was read with little confidence and another place gives the
 * whole name again, every word sure and each within a letter or two of this reading, that reading
 * is taken. Null where the letter has no OCR page, the name was read well, or nothing better is written.
 */
export function betterReading(letter: Letter, name: string): string | null {
  const pages = letter.pages.filter((p) => p.source === 'ocr');
  if (pages.length === 0) return null;
  const wanted = name.split(/\s+/).map(bare);
  if (wanted.length < 2) return null;
  const view = layoutOf(letter);
  const lines: ReadWord[][] = pages.flatMap((page) =>
    view.lines({ page: page.number }).map((line) => (line.source.words ?? []).map((w) => ({ text: bare(view.textAt(w.span)), confidence: w.confidence }))),
  );
  // How sure OCR was of this reading: its least sure word, wherever the name is written so.
  let ours = -1;
  const others: ReadWord[][] = [];
  for (const words of lines) {
    for (let k = 0; k + wanted.length <= words.length; k++) {
      const run = words.slice(k, k + wanted.length);
      const apart = run.map((w, i) => (w.text.length >= MIN_WORD || wanted[i].length >= MIN_WORD ? lettersApart(w.text.toLowerCase(), wanted[i].toLowerCase()) : w.text === wanted[i] ? 0 : SLIP + 1));
      if (apart.every((d) => d === 0)) ours = Math.max(ours, Math.min(...run.map((w) => w.confidence ?? 1)));
      else if (apart.every((d) => d <= SLIP) && apart.some((d) => d === 0)) others.push(run);
    }
  }
  if (ours < 0 || ours >= DOUBTED) return null;
  const sure = others.filter((run) => run.every((w) => (w.confidence ?? 0) >= SURE));
  if (sure.length === 0) return null;
  return sure[0].map((w) => w.text).join(' ');
}

/** A word without the punctuation around it ("Echeverria," -> "Echeverria"). */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
