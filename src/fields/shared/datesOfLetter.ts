import type { Letter } from '../letter.js';
import { emailHeaderDate, findDateMentions, mentionIso, type DateMention } from './dates.js';
import { lineAt, zonedLines, type ZonedLine } from './datesZones.js';

export interface LocatedLetterDate {
  iso: string;
  page: number;
  quote: string;
  how: 'top' | 'topLoose' | 'quotedHeader' | 'emailHeader';
  mention: DateMention | null;
}

// What may stand beside the date on a dateline: "Date:", "Dated", a place ("Austin, Texas,"), nothing else of substance.
const DATELINE_REST =
  /^[\s,.:|-]*(?:(?:(?:offer|letter|issue)\s+)?(?:date|dated|issued|sent)(?:\s+of\s+(?:offer|letter|issue))?\s*(?:on)?\s*[:\-]?\s*)?(?:[A-Z][A-Za-z .'-]{1,30},\s*[A-Z][A-Za-z.]{1,20}\s*[,.]?\s*)?[\s,.:|-]*(?:(?:our\s+|your\s+)?ref(?:erence)?(?:\s+no\.?)?\s*[:#.]?\s*[\w/-]+\s*)?$/i;
// A line about something else: its date is not the letter's, even above the salutation.
const NOT_DATELINE = /\b(?:re|subject|start\w*|begin\w*|end\w*|through|until|expir\w*|respond|accept\w*|deadline|internship|co-?op|position|offer)\b/i;

/** True when the date stands alone on its line, as a dateline does (not "Start date: June 1, 2027"). */
export function isDateline(line: ZonedLine, m: DateMention, pageText: string): boolean {
  // A second column on the same line ("October 18, 2026 \t Reference: OFR-1234") is not part of the dateline.
  const before = pageText.slice(line.start, m.index).split(/\t| {3,}/).pop() ?? '';
  const after = pageText.slice(m.end, line.end).split(/\t| {3,}/)[0];
  return DATELINE_REST.test(`${before} ${after}`.replace(/\s+/g, ' '));
}

/**
 * The date the letter was written: a dateline above the salutation, else the date of a quoted
 * (forwarded) message header, else the email's own Date header.
 */
export function locateLetterDate(letter: Letter, mentions = findDateMentions(letter), lines = zonedLines(letter)): LocatedLetterDate | null {
  const text = new Map(letter.pages.map((p) => [p.number, p.text]));
  for (const m of mentions) {
    if (m.range || m.day === null || m.statedYear === null) continue;
    const line = lineAt(lines, m.page, m.index);
    if (!line || line.zone !== 'top') continue;
    if (!isDateline(line, m, text.get(m.page) ?? '')) continue;
    const iso = mentionIso(m);
    if (iso) return { iso, page: m.page, quote: m.text, how: 'top', mention: m };
  }
  // Scanned two-column letterheads run the date into other text ("Since 1921 October 18, 2026"):
  // the first full date above the salutation on a line that is about nothing else.
  for (const m of mentions) {
    if (m.range || m.day === null || m.statedYear === null) continue;
    const line = lineAt(lines, m.page, m.index);
    if (!line || line.zone !== 'top' || NOT_DATELINE.test(line.text)) continue;
    const iso = mentionIso(m);
    if (iso) return { iso, page: m.page, quote: m.text, how: 'topLoose', mention: m };
  }
  for (const m of mentions) {
    if (m.day === null || m.statedYear === null) continue;
    const line = lineAt(lines, m.page, m.index);
    if (!line || line.zone !== 'emailHeader' || !/^(?:Sent|Date)\s*:/i.test(line.text)) continue;
    const iso = mentionIso(m);
    if (iso) return { iso, page: m.page, quote: line.text, how: 'quotedHeader', mention: m };
  }
  const header = letter.email?.date ?? null;
  const iso = emailHeaderDate(header);
  if (iso && header) return { iso, page: 1, quote: header, how: 'emailHeader', mention: null };
  return null;
}
