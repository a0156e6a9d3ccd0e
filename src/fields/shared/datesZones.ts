import type { Letter } from '../letter.js';
import { perLetter } from './perLetter.js';

/**
 * Where a line sits in the letter. Dates and addresses mean different things by place:
 * above the salutation sit the letterhead, the letter's date and the addressee's block;
 * after the closing sit signatures and acceptance dates; email header lines quoted in the
 * body ("Sent: ...") carry the message's own date.
 */
export type Zone = 'top' | 'body' | 'closing' | 'emailHeader';

export interface ZonedLine {
  page: number;
  /** 0-based line index within its page (blank lines counted). */
  index: number;
  /** Offsets of the raw line in the page text. */
  start: number;
  end: number;
  text: string;
  zone: Zone;
}

const SALUTATION = /^(?:Dear|Hi|Hello|Hey|Greetings|Good (?:morning|afternoon|evening)|To whom it may concern)\b/i;
const CLOSING =
  /^(?:Sincerely(?: yours)?|Best regards|Kind regards|Warm regards|Warmest regards|Regards|Best wishes|Best|Respectfully(?: yours)?|Yours (?:truly|sincerely|faithfully)|Cordially|Cheers|With appreciation|Thank you|Thanks)\s*[,.!]?\s*$/i;
const ACCEPTANCE =
  /^(?:accepted|acknowledged|agreed|acceptance|i(?:,\s*[^,]{1,60},)? (?:hereby )?accept|candidate(?:'s)? (?:signature|acceptance)|employee(?:'s)? signature|signature(?: of)?\s*[:_]|intern(?:'s)? signature|student(?:'s)? signature|signed\s*[:_])/i;
const HEADER = /^(?:From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\s*:/i;

function rawLines(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part.replace(/\s+/g, ' ').trim() });
    start += part.length + 1;
  }
  return lines;
}

/** Every line of every page, blank ones included, each with its zone. */
export const zonedLines = perLetter(function zonedLines(letter: Letter): readonly ZonedLine[] {
  const anySalutation = letter.pages.some((p) => rawLines(p.text).some((l) => SALUTATION.test(l.text)));
  const out: ZonedLine[] = [];
  letter.pages.forEach((page, pageIndex) => {
    const lines = rawLines(page.text);
    const salutation = lines.findIndex((l) => SALUTATION.test(l.text));
    const afterSalutation = salutation < 0 ? 0 : salutation + 1;
    const closingAt = lines.findIndex((l, i) => i >= afterSalutation && CLOSING.test(l.text));
    const acceptanceAt = lines.findIndex((l, i) => i >= afterSalutation && ACCEPTANCE.test(l.text));
    const closing = [closingAt, acceptanceAt].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), Infinity);
    // Quoted header lines come in blocks (From/Sent/To/Subject); a lone "Date:" is a label, not a header.
    const isHeader = lines.map((l) => HEADER.test(l.text));
    const headerBlock = isHeader.map((h, i) => h && isHeader.slice(Math.max(0, i - 4), i + 5).filter(Boolean).length >= 3);
    let nonBlankSeen = 0;
    lines.forEach((l, i) => {
      if (l.text) nonBlankSeen++;
      let zone: Zone = 'body';
      if (headerBlock[i]) zone = 'emailHeader';
      else if (salutation >= 0 && i < salutation) zone = 'top';
      else if (salutation < 0 && !anySalutation && pageIndex === 0 && nonBlankSeen <= 8) zone = 'top';
      else if (i > closing || i === acceptanceAt) zone = 'closing';
      out.push({ page: page.number, index: i, start: l.start, end: l.end, text: l.text, zone });
    });
  });
  return out;
});

/** The line holding offset `index` of page `page`. */
export function lineAt(lines: readonly ZonedLine[], page: number, index: number): ZonedLine | undefined {
  return lines.find((l) => l.page === page && l.start <= index && index <= l.end);
}
