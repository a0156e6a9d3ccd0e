import type { Letter } from '../letter.js';
import { letterLines, type LetterLine } from './letterLines.js';
import { cleanPersonName, readNameAt } from './names.js';
import { isOrgLine } from './orgNames.js';
import type { Span } from '../../document/letterDocument.js';
import { layoutOf } from '../layout/layoutView.js';
import { closingOf } from '../layout/letterParts.js';

export { closingOf };

/**
 * The parts of a letter that several fields read: the greeting, the closing and the signature block
 * below it, quoted email headers, bullet lists. Lines come from letterLines(): trimmed, non-blank.
 */

export const EMAIL_ADDRESS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
/**
 * An email address, also where OCR put a space beside the "@" or a dot ("dana.lee @acme.com",
 * "dana. lee@acme.com") or read the "@" as a space between a dotted name and a domain
 * ("david.okonkwo seaglasshospitality.com"); returned as it was written.
 */
export function findEmail(text: string): string | null {
  const joined = text
    .replace(/([\p{L}\p{N}._%+-])\s?@\s?(?=[\p{L}\p{N}-]+\.)/gu, '$1@')
    .replace(/([\p{L}\p{N}])\.\s(?=[\p{L}\p{N}._%+-]+@)/gu, '$1.')
    .replace(/(?<![\p{L}\p{N}.@])([a-z]+\.[a-z]+)\s(?=[a-z0-9-]{3,}\.[a-z]{2,6}\b(?![.@]?[\p{L}\p{N}]))/gu, '$1@');
  return EMAIL_ADDRESS.exec(joined)?.[0] ?? null;
}

export const PHONE =
  /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:\s*(?:x|ext\.?)\s*\d{1,5})?|\+\d{1,3}(?:[\s.-]?\d{2,4}){3,5}\b/u;
export const WEB = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|org|net|io|ai|co|edu|us|example|tech|dev)\b/i;

export const STREET =
  /\b\d{1,6}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[\p{L}0-9.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|circle|cir|terrace|ter|plaza|square|sq|trail|trl|broadway|loop|row|pike|center|centre)\b\.?/iu;
export const CITY_STATE_ZIP = /\b[\p{L} .'-]+,\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b/u;
export const SUITE = /\b(?:suite|ste\.?|floor|fl\.?|p\.?\s?o\.?\s+box)\s*#?\s*\w+/i;
export const DATE_LINE = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/i;

/** An address, phone, web or email line: what follows a letterhead's or an addressee's name. */
export function isContactLine(text: string): boolean {
  return STREET.test(text) || CITY_STATE_ZIP.test(text) || SUITE.test(text) || PHONE.test(text) || WEB.test(text) || EMAIL_ADDRESS.test(text);
}

export interface Closing {
  line: LetterLine;
  /** Index of the closing line in the array it was found in. */
  at: number;
  /** A name written on the same line ("Sincerely, Jane Smith"). */
  inlineName: string | null;
}

/** Lines that end the signature block: an acceptance section, enclosures, a quoted earlier message. */
const BLOCK_END =
  /^(?:accept(?:ed|ance)?\b|i\s+(?:hereby\s+)?accept|agreed\s+and\s+accepted|candidate\s+(?:signature|acceptance)|student\s+signature|employee\s+signature|enclosures?\b|encl\.|cc:|bcc:|attachments?:|-{2,}\s*original|-{2,}\s*forwarded|from:|on\s.+wrote:|>|p\.s\.)/i;

/** Every closing line in the letter, in order. */
function findClosings(lines: readonly LetterLine[]): Closing[] {
  const closings: Closing[] = [];
  lines.forEach((line, at) => {
    if (line.text.length > 80) return;
    const c = closingOf(line.text);
    if (c) closings.push({ line, at, inlineName: c.inlineName });
  });
  return closings;
}

export interface SignatureBlock {
  closing: Closing;
  /** The lines under the closing, up to the end of the block. */
  lines: LetterLine[];
}

/**
 * The employer's closing and the lines under it. With several closings (an email thread, a P.S.), the first
 * one followed by a signer wins: later ones belong to quoted messages or acceptance forms.
 */
export function signatureBlock(letter: Letter): SignatureBlock | null {
  const lines = letterLines(letter);
  const closings = findClosings(lines);
  if (closings.length === 0) return null;
  const blocks = closings.map((closing) => ({ closing, lines: blockAfter(lines, closing.at) }));
  return blocks.find((b) => b.closing.inlineName || b.lines.some((l) => signerOfLine(l.text))) ?? blocks[0];
}

function blockAfter(lines: readonly LetterLine[], at: number): LetterLine[] {
  const out: LetterLine[] = [];
  const closing = lines[at];
  const lastOnPage = lines[at + 1]?.page !== closing.page;
  for (let k = at + 1; k < lines.length && out.length < 9; k++) {
    const t = lines[k].text;
    // The block stays on the closing's page, or runs onto the next when the closing ends its page.
    if (lines[k].page !== closing.page && !(lastOnPage && lines[k].page === lines[at + 1].page)) break;
    if (BLOCK_END.test(t) || DATE_LINE.test(t)) break;
    // A paragraph of prose is the letter going on, not the signature.
    if (t.length > 110 || (t.split(/\s+/).length > 14 && /[.!?]$/.test(t))) break;
    out.push(lines[k]);
  }
  return out;
}

const ESIGN_LINE = /^(?:\/s\/\s*|by\s*:\s*|i\.\s?[av]\.\s*|p\.?p\.?\s+|per\s+|for\s*:\s*|(?:electronically|digitally)\s+signed\s+(?:by\s*)?:?\s*|e-?signed\s+(?:by\s*)?:?\s*|signed\s*:\s*|signature\s*:\s*)/i;

/**
 * The signer written on one line of a signature block: "Jane Smith", "Jane Smith, HR Director",
 * "/s/ Jane Smith", "Dr. Jane Smith | Talent Acquisition". Null when the line is not a name.
 */
export function signerOfLine(text: string): string | null {
  let t = text.replace(ESIGN_LINE, '').replace(/\((?:e-?signature|electronic(?:ally)?\s+signed|signed electronically|digital signature)\)/i, '').trim();
  t = t.replace(/\s+(?:on|at)\s+\d.*$/i, '').trim();
  if (!t || isOrgLine(t)) return null;
  const whole = cleanPersonName(t, { minWords: 2 });
  if (whole) return whole;
  // "Jane Smith, Director of Talent" / "Jane Smith | HR" / "Jane Smith – Recruiter"
  const head = t.split(/\s*(?:,|\||–|—|\s-\s|\t)\s*/u)[0];
  if (head && head !== t) {
    const name = cleanPersonName(head, { minWords: 2 });
    if (name) return name;
  }
  return null;
}

const GREETING = /^(?:dear|hello|hi|hey|greetings|good\s+(?:morning|afternoon|day))\b[\s,]*(.*)$/iu;

export interface Greeting {
  line: LetterLine;
  /** The addressee as written after the greeting word, honorific included ("Ms. Raman"). */
  addressee: string;
  /** The name alone ("Raman"); null for "Dear Hiring Team". */
  name: string | null;
  honorific: string | null;
}

/** The salutation ("Dear Priya," / "Dear Ms. Raman:"), the first one in the letter. */
export function findGreeting(lines: readonly LetterLine[]): Greeting | null {
  return findGreetings(lines)[0] ?? null;
}

/** Every salutation, in order: an email may greet by first name and carry a letter greeting in full below. */
export function findGreetings(lines: readonly LetterLine[]): Greeting[] {
  const out: Greeting[] = [];
  for (const line of lines) {
    const m = GREETING.exec(line.text);
    if (!m) continue;
    const rest = m[1];
    const parsed = readNameAt(rest);
    if (!parsed) {
      if (/^(?:dear|hello|hi)\b/i.test(line.text) && line.text.length < 60) out.push({ line, addressee: rest.replace(/[,:!]+$/, '').trim(), name: null, honorific: null });
      continue;
    }
    const addressee = rest.slice(0, parsed.length).trim();
    out.push({ line, addressee, name: parsed.name, honorific: parsed.honorific });
  }
  return out;
}

// Bullet marks as typed, and as OCR reads them ("«", "+", "¢", "e" before a capital).
const BULLET = /^(?:[•●◦▪▫■□‣⁃∙·○*►➢✓✔-]|–|—|o(?=\s)|[«»+¢®©‘’°](?=\s)|[ec](?=\s+\p{Lu}\p{Ll})|\(?\d{1,2}[.)]|\(?[a-h][.)])\s*(.+)$/u;

/** The item text of a bullet or numbered line ("• Build dashboards" -> "Build dashboards"); null otherwise. */
export function bulletItem(text: string): string | null {
  const m = BULLET.exec(text);
  if (!m) return null;
  // A dollar amount or a date is not a numbered item ("1. " vs "1.5 hours").
  if (/^\d+[.)]\d/.test(text)) return null;
  return m[1].trim();
}

/** A line without its bullet or number: "• Position: Analyst" reads as "Position: Analyst". */
export function withoutBullet(text: string): string {
  return bulletItem(text) ?? text;
}

export interface QuotedHeaders {
  from: string | null;
  to: string | null;
  date: string | null;
  subject: string | null;
  lines: LetterLine[];
}

const HEADER = /^(from|to|cc|date|sent|subject|re)\s*:\s*(.*)$/i;

/**
 * Email headers pasted into the text ("From: ... Sent: ... To: ... Subject: ..."), found as a group of at
 * least three header lines near each other. Used when the upload is text but was an email.
 */
export function findQuotedHeaders(lines: readonly LetterLine[], within = 15): QuotedHeaders | null {
  const found: QuotedHeaders = { from: null, to: null, date: null, subject: null, lines: [] };
  for (const line of lines.slice(0, within)) {
    const m = HEADER.exec(line.text);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'from' && found.from === null) found.from = value;
    else if (key === 'to' && found.to === null) found.to = value;
    else if ((key === 'date' || key === 'sent') && found.date === null) found.date = value;
    else if ((key === 'subject' || key === 're') && found.subject === null) found.subject = value;
    else continue;
    found.lines.push(line);
  }
  const count = [found.from, found.to, found.date, found.subject].filter((v) => v !== null).length;
  return count >= 3 && found.from !== null ? found : null;
}

/**
 * Sentences of the whole letter, from the layout view: wrapped lines joined, lines that stand alone
 * (headings, bullets, address lines) kept apart, never across paragraphs or table cells.
 */
export function letterSentences(letter: Letter): readonly { page: number; text: string; span: Span }[] {
  return layoutOf(letter).sentences().map((s) => ({ page: s.span.page, text: s.text, span: s.span }));
}
