import type { LetterLine } from './letterLines.js';
import { cleanPersonName } from './names.js';
import { isOrgLine } from './orgNames.js';
import { DATE_LINE, isContactLine } from './sections.js';

/** How many lines at the top of a page are read as its header. */
const TOP_LINES = 8;

/** A line that can be the name line of a letterhead: short, capitalized, not a sentence, date or greeting. */
function couldBeHeader(text: string): boolean {
  if (text.length > 70 || text.length < 2) return false;
  if (DATE_LINE.test(text) || /^(?:dear|hello|hi|page\s+\d)\b/i.test(text)) return false;
  // "Sent: Tuesday …", "Ref: OFR-2027-4471": labeled lines are headers of another kind.
  if (/^[\p{L} .#-]{1,24}:\s/u.test(text)) return false;
  if (/[.!?]$/.test(text) && !/\b(?:inc|co|corp|ltd)\.$/i.test(text)) return false;
  if (isContactLine(text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  // Mostly capitalized words: "Acme Robotics" or "ACME ROBOTICS", not a sentence fragment.
  const words = text.split(/\s+/);
  const capitalized = words.filter((w) => /^[\p{Lu}\p{N}&|•·–—-]/u.test(w)).length;
  return capitalized / words.length >= 0.6;
}

export interface HeaderFound {
  organization: string;
  quote: string;
  page: number;
  confidence: number;
  how: string;
}

/**
 * A company header at the top of a page: a line naming a company (legal form or company word), or a
 * short header line followed by an address, phone or web line. A person's name over an address is the
 * recipient's block, not a letterhead.
 */
export function findLetterheadBlock(lines: LetterLine[], page: number): HeaderFound | null {
  const top = lines.filter((l) => l.page === page).slice(0, TOP_LINES);
  // Stop at the greeting or the first paragraph: the header sits above them.
  const end = top.findIndex((l) => /^(?:dear|hello|hi)\b/i.test(l.text) || l.text.length > 110);
  const head = end >= 0 ? top.slice(0, end) : top;
  for (let k = 0; k < head.length; k++) {
    const line = head[k];
    const text = line.text.replace(/^[|•·\s]+|[|•·\s]+$/g, '');
    if (!couldBeHeader(text)) continue;
    const org = isOrgLine(text) ?? (text.includes('|') || text.includes('•') ? isOrgLine(text.split(/\s*[|•·]\s*/)[0]) : null);
    const following = head.slice(k + 1, k + 4).map((l) => l.text);
    const contactFollows = following.some(isContactLine);
    if (org) {
      return {
        organization: org.name,
        quote: line.text,
        page: line.page,
        confidence: org.strength === 'suffix' || contactFollows ? 0.9 : 0.75,
        how: `company name "${org.name}" at the top of page ${page}${contactFollows ? ', followed by an address/contact line' : ''}`,
      };
    }
    if (!contactFollows) continue;
    // A name over an address is the addressee's block (or the sender's, in a personal letter).
    if (cleanPersonName(text, { minWords: 2 })) continue;
    // A header line of one or two brand words followed by its address: "NORTHWIND" / "12 Main St".
    const header = text.split(/\s*[|•·]\s*/)[0];
    return {
      organization: header,
      quote: line.text,
      page: line.page,
      confidence: 0.75,
      how: `header line "${header}" at the top of page ${page}, followed by an address/contact line`,
    };
  }
  return null;
}

