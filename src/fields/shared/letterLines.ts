import type { Letter } from '../letter.js';
import { perLetter } from './perLetter.js';

export interface LetterLine {
  page: number;
  /** 0-based line index within its page. */
  index: number;
  text: string;
}

/** Every non-blank line of the letter, trimmed, with its page: the unit most cues are matched on. */
export const letterLines = perLetter(function letterLines(letter: Letter): readonly LetterLine[] {
  const lines: LetterLine[] = [];
  for (const page of letter.pages) {
    page.text.split(/\r?\n/).forEach((raw, index) => {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text) lines.push({ page: page.number, index, text });
    });
  }
  return lines;
});
