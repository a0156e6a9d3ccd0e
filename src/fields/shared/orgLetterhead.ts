import type { Span } from '../../document/letterDocument.js';
import { lettersApart } from './lettersApart.js';
import type { LayoutView, ViewLine } from '../layout/layoutView.js';
import type { LetterLine } from './letterLines.js';
import { cleanPersonName } from './names.js';
import { findOrgNames, isOrgLine } from './orgNames.js';
import { DATE_LINE, isContactLine } from './sections.js';

// Without a page header, the letterhead is looked for in the top matter: the first blocks of the page
// above the greeting and the first paragraph of prose, at most this many of them.
const TOP_BLOCKS = 4;
const TOP_LINES = 12;

/** A line that can be the name line of a letterhead: short, capitalized, not a sentence, date or greeting. */
function couldBeHeader(text: string): boolean {
  if (text.length > 70 || text.length < 2) return false;
  if (DATE_LINE.test(text) || DATE_START.test(text) || /^(?:dear|hello|hi|page\s+\d)\b/i.test(text)) return false;
  // "Sent: Tuesday …", "Ref: OFR-2027-4471": labeled lines are headers of another kind.
  if (/^[\p{L} .#-]{1,24}:\s/u.test(text)) return false;
  if (isOrgLine(text)) return true;
  if (/[.!?]$/.test(text)) return false;
  if (isContactLine(text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  // Mostly capitalized words: "Acme Robotics" or "ACME ROBOTICS", not a sentence fragment.
  const words = text.split(/\s+/);
  const capitalized = words.filter((w) => /^[\p{Lu}\p{N}&|•·–—-]/u.test(w)).length;
  return capitalized / words.length >= 0.6;
}

const DATE_START = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\b/i;
const WEB_OR_PHONE = /\b(?:www\.|https?:\/\/|tel\.?\b|phone\b|fax\b)|\(\d{3}\)\s?\d{3}-\d{4}/i;

export interface HeaderFound {
  organization: string;
  quote: string;
  span: Span;
  page: number;
  confidence: number;
  how: string;
}

/**
 * The name part of a header line that also carries the address, as two-column layouts extract:
 * "Ravenstone Security LLC 748 Park Plaza, Suite 2650" -> "Ravenstone Security LLC".
 */
function splitNameFromAddress(text: string): { name: string; rest: string } | null {
  const parts = text.split(/\s*[|•·]\s*/);
  if (parts.length > 1 && parts[0] && parts.slice(1).some(isContactLine)) return { name: parts[0], rest: parts.slice(1).join(' ') };
  const m = /\s+(?=\d{1,6}[A-Z]?\s+\p{Lu})/u.exec(text);
  if (m && m.index > 1) {
    const rest = text.slice(m.index).trim();
    if (isContactLine(rest)) return { name: text.slice(0, m.index).trim(), rest };
  }
  return null;
}

/**
 * A company header at the top of a page: a line naming a company (legal form or company word), or a
 * short header line followed by an address, phone or web line. A person's name over a home address,
 * after the date, is the recipient's block, not a letterhead.
 */
/**
 * The lines a letterhead may be on, in reading order: the page header (a Word header part, a PDF's
 * top band as the reader found it), then the top matter of the body: its first blocks, above the
 * greeting and the first paragraph of prose. A line that is a label or a value of a labelled pair
 * ("Employer: Acme Corp.") is content, not a letterhead; the envelope of an email is not either.
 */
export function letterheadLines(view: LayoutView, page: number): ViewLine[] {
  const lines = view.lines({ page }).filter((l) => l.region !== 'envelope' && l.region !== 'footer');
  const inPair = new Set(
    view
      .labelled()
      .filter((p) => p.label.span.page === page && p.how !== 'colon')
      .flatMap((p) => [p.label.span.start, p.value.span.start]),
  );
  const header = lines.filter((l) => l.region === 'header');
  const body = lines.filter((l) => l.region !== 'header');
  const blocks: unknown[] = [];
  const top: ViewLine[] = [];
  for (const line of body) {
    if (/^(?:dear|hello|hi)\b/i.test(line.text) || line.text.length > 110) break;
    if (!blocks.includes(line.block)) blocks.push(line.block);
    if (blocks.length > TOP_BLOCKS || top.length >= TOP_LINES) break;
    top.push(line);
  }
  return [...header, ...top].filter((l) => !inPair.has(l.span.start));
}

export function findLetterheadBlock(view: LayoutView, page: number): HeaderFound | null {
  const head: LetterLine[] = letterheadLines(view, page);
  // Where the page has type sizes, the letterhead is set larger than the body: its name line first.
  const sizes = view.lines({ page }).map((l) => l.fontSize).filter((n): n is number => n !== null).sort((a, b) => a - b);
  const bodySize = sizes.length ? sizes[Math.floor(sizes.length / 2)] : null;
  const prominent = (l: LetterLine) => (bodySize !== null && l.fontSize !== null && l.fontSize >= bodySize * 1.2) || l.bold === true;
  let dateSeen = false;
  for (let k = 0; k < head.length; k++) {
    const line = head[k];
    // Stray marks from rules and logos ("= 750 Canal Street") are not part of the line.
    let text = line.text.replace(/^[^\p{L}\p{N}]+|[|•·\s]+$/gu, '');
    if (DATE_LINE.test(text) || DATE_START.test(text)) {
      dateSeen = true;
      continue;
    }
    let sameLineContact = false;
    const split = splitNameFromAddress(text);
    if (split && couldBeHeader(split.name)) {
      text = split.name;
      sameLineContact = true;
    }
    // A company name opening a line that also carries another column: "Wrenfield Insurance Company Charlotte, NC".
    const opening = findOrgNames(text)[0];
    const rest = opening ? text.slice(opening.name.length) : '';
    const notProse = (text.length <= 80 && !/[.!?]$/.test(text)) || isContactLine(rest) || DATE_START.test(rest.replace(/^\W+/, ''));
    const org = isOrgLine(text) ?? (opening && opening.index === 0 && opening.name.length >= 4 && notProse ? opening : null);
    if (!org && !couldBeHeader(text)) continue;
    const following = head.slice(k + 1, k + 4).map((l) => l.text);
    const contactFollows = sameLineContact || following.some(isContactLine);
    if (org) {
      const spelled = line.confidence !== null ? bodySpelling(view, line, org.name) : null;
      return {
        organization: spelled ?? org.name,
        quote: line.text,
        span: line.span,
        page: line.page,
        confidence: org.strength === 'suffix' || contactFollows || prominent(line) ? 0.9 : 0.75,
        how: `company name "${org.name}" at the top of page ${page}${contactFollows ? ', with an address/contact line' : ''}${spelled ? `, spelled "${spelled}" as the letter's text names it` : ''}`,
      };
    }
    if (!contactFollows) continue;
    // A name over a home address is the addressee's block; a letterhead sits above the date and gives
    // a phone number or a web site.
    const webOrPhone = WEB_OR_PHONE.test(line.text) || following.some((t) => WEB_OR_PHONE.test(t));
    if (cleanPersonName(text, { minWords: 2 }) && (dateSeen || !webOrPhone)) continue;
    return {
      organization: text,
      quote: line.text,
      span: line.span,
      page: line.page,
      confidence: prominent(line) ? 0.85 : 0.75,
      how: `header line "${text}" at the top of page ${page}, with an address/contact line`,
    };
  }
  return null;
}

// How far (in letters, on folded names) a body's spelling may be from the letterhead's OCR reading.
const SPELLING_SLIP = 0.25;

/**
 * On an OCR page the letterhead, set in display type, is often misread ("PeLrucip Optics, INC.")
 * where the body, in plain type, names the company right ("Pellucid Optics, Inc."): the body's
 * spelling of the same name, a few letters off the letterhead's reading, the one it uses most.
 * Null where the body names it as the letterhead reads, or not at all.
 */
function bodySpelling(view: LayoutView, head: LetterLine, name: string): string | null {
  const folded = fold(name);
  const counts = new Map<string, number>();
  for (const line of view.lines({ page: head.page, region: 'body' })) {
    if (line.span.start === head.span.start) continue;
    for (const org of findOrgNames(line.text)) {
      const other = fold(org.name);
      if (other === folded) return null;
      if (Math.abs(other.length - folded.length) > folded.length * SPELLING_SLIP) continue;
      if (lettersApart(other, folded) <= Math.max(2, Math.floor(folded.length * SPELLING_SLIP))) counts.set(org.name, (counts.get(org.name) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
