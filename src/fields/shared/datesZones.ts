import type { Letter } from '../letter.js';
import { layoutOf, type ViewLine } from '../layout/layoutView.js';
import { SALUTATION } from '../layout/letterParts.js';
import { perLetter } from './perLetter.js';

/**
 * Where a line sits in the letter. Dates and addresses mean different things by place:
 * above the salutation sit the letterhead, the letter's date and the addressee's block;
 * after the closing sit signatures and acceptance dates; email header lines (the envelope, or a
 * forwarded message's headers in the body) carry the message's own date.
 */
export type Zone = 'top' | 'body' | 'closing' | 'emailHeader';

export interface ZonedLine extends ViewLine {
  /** Offsets of the line in its page's text. */
  start: number;
  end: number;
  zone: Zone;
}

const HEADER = /^(?:From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\s*:/i;
// Without a salutation anywhere, the first lines of the first page are its top.
const TOP_WITHOUT_SALUTATION = 8;

/** Every line of every page, each with its zone, from the layout view's regions and the salutation. */
export const zonedLines = perLetter(function zonedLines(letter: Letter): readonly ZonedLine[] {
  const view = layoutOf(letter);
  const anySalutation = view.lines().some((l) => SALUTATION.test(l.text));
  const out: ZonedLine[] = [];
  letter.pages.forEach((page, pageIndex) => {
    const lines = view.lines({ page: page.number });
    const salutation = lines.findIndex((l) => SALUTATION.test(l.text));
    // Quoted header lines come in groups (From/Sent/To/Subject); a lone "Date:" is a label, not a header.
    const isHeader = lines.map((l) => HEADER.test(l.text));
    const headerGroup = isHeader.map((h, i) => h && isHeader.slice(Math.max(0, i - 4), i + 5).filter(Boolean).length >= 3);
    lines.forEach((l, i) => {
      let zone: Zone = 'body';
      if (l.region === 'envelope' || headerGroup[i]) zone = 'emailHeader';
      else if (l.region === 'closing') zone = 'closing';
      else if (l.region === 'header' || l.region === 'footer') zone = 'top';
      else if (salutation >= 0 && i < salutation) zone = 'top';
      else if (salutation < 0 && !anySalutation && pageIndex === 0 && i < TOP_WITHOUT_SALUTATION) zone = 'top';
      out.push({ ...l, start: l.span.start, end: l.span.end, zone });
    });
  });
  return out;
});

/** The line holding offset `index` of page `page`. */
export function lineAt(lines: readonly ZonedLine[], page: number, index: number): ZonedLine | undefined {
  return lines.find((l) => l.page === page && l.start <= index && index <= l.end);
}
