import type { Letter } from '../letter.js';
import { layoutOf, type ViewLine } from '../layout/layoutView.js';

/** A line of the letter: the layout view's, with its page, region and span. */
export type LetterLine = ViewLine;

/** Every line of the letter in reading order, as the readers laid it out: the unit most cues are matched on. */
export function letterLines(letter: Letter): readonly LetterLine[] {
  return layoutOf(letter).lines();
}
