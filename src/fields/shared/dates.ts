import * as chrono from 'chrono-node';
import type { Letter } from '../letter.js';
import { perLetter } from './perLetter.js';

/** A calendar date written in the letter, located exactly so that it can be quoted. */
export interface DateMention {
  page: number;
  /** Offsets of the date text in its page's text. */
  index: number;
  end: number;
  /** Offset over the whole letter (pages laid end to end), used to measure "nearest". */
  globalIndex: number;
  text: string;
  month: number;
  /** null when only month and year are written ("June 2027"). */
  day: number | null;
  /** The year as written; null when the letter leaves it out ("June 1"). */
  statedYear: number | null;
  /** statedYear, or the year borrowed from elsewhere (see yearSource); null when nothing could supply one. */
  year: number | null;
  yearSource: string | null;
  /** Set when the date is one end of a written range ("June 1 - August 20, 2027"). */
  range: { role: 'from' | 'to'; partner: DateMention } | null;
  /** Which recogniser found it: our own patterns or chrono-node (odd formats). */
  via: 'pattern' | 'chrono';
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?[ \\t\\r]+';
const ORD = '(?:st|nd|rd|th)?';
// Inside a date: spaces, or one line break (a date wrapped at the end of a line), never a blank line.
const WS = '(?:[ \\t\\r]+|[ \\t\\r]*\\n[ \\t\\r]*)';
// Same-line spaces only: the short forms ("June 1", "1 June") are too easily assembled across lines.
const SP = '[ \\t\\r]+';

// Order matters: a full date must win over its year-less prefix.
const DATE_RE = new RegExp(
  [
    `(?<![\\w/.-])(?<wd>${WEEKDAY})?(?:`,
    // June 2nd, 2027 | May 27 ,2027 | Jun. 7 2027
    `(?<m1>${MONTH})\\.?${WS}(?<d1>\\d{1,2})${ORD}(?:[ \\t\\r]*,${WS}?|${WS})(?<y1>(?:19|20)\\d{2})\\b`,
    // 27 May 2027 | 1st of June, 2027
    `|(?<d2>\\d{1,2})${ORD}${WS}(?:of${WS})?(?<m2>${MONTH})\\.?,?${WS}(?<y2>(?:19|20)\\d{2})\\b`,
    // 05/27/2027 | 5-27-2027 | 6/1/27 | 14.06.2027: which number is the month is decided per letter (numericOrder)
    `|(?<m3>\\d{1,2})(?<sep3>[/.-])(?<d3>\\d{1,2})\\k<sep3>(?<y3>(?:19|20)\\d{2}|\\d{2})(?![\\d/.-]*\\d)`,
    // 2027-05-27 | 2027/05/27
    `|(?<y4>(?:19|20)\\d{2})[-/](?<m4>\\d{1,2})[-/](?<d4>\\d{1,2})(?![\\d/-])`,
    // June 1 | June 1st (no year)
    `|(?<m5>${MONTH})\\.?${SP}(?<d5>\\d{1,2})${ORD}(?![\\d:])\\b`,
    // 1 June | 1st of June (no year)
    `|(?<d6>\\d{1,2})${ORD}${SP}(?:of${SP})?(?<m6>${MONTH})\\b\\.?`,
    // June 2027 (no day)
    `|(?<m7>${MONTH})\\.?,?${SP}(?<y7>(?:19|20)\\d{2})\\b`,
    ')',
  ].join(''),
  'gi',
);

function monthNumber(name: string): number | null {
  // "may" the verb is not a month; months in letters are capitalised.
  if (!/^[A-Z]/.test(name)) return null;
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The mention as YYYY-MM-DD, or null when its day or year is unknown. */
export function mentionIso(m: DateMention): string | null {
  if (m.day === null || m.year === null) return null;
  return isRealDate(m.year, m.month, m.day) ? isoDate(m.year, m.month, m.day) : null;
}

function expandYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

interface RawDate {
  index: number;
  end: number;
  month: number;
  day: number | null;
  statedYear: number | null;
  via: 'pattern' | 'chrono';
}

// "January 6-29, 2027", "June 1 – 30": both ends in one month. The second end is just its day (and year).
const SAME_MONTH_RANGE = new RegExp(
  `(?<![\\w/.-])(${MONTH})\\.?${SP}(\\d{1,2})${ORD}[ \\t\\r]*(?:-|–|—|to|through|thru)[ \\t\\r]*(\\d{1,2})${ORD}(?:[ \\t\\r]*,?${SP}((?:19|20)\\d{2}))?(?![\\d:/])\\b`,
  'gi',
);

function sameMonthRanges(text: string): RawDate[] {
  const found: RawDate[] = [];
  for (const m of text.matchAll(SAME_MONTH_RANGE)) {
    const month = monthNumber(m[1]);
    const [d1, d2] = [Number(m[2]), Number(m[3])];
    const year = m[4] ? Number(m[4]) : null;
    if (month === null || d1 < 1 || d2 > 31 || d2 <= d1 || !isRealDate(year ?? 2028, month, d2)) continue;
    const fromText = /^\S+\.?\s+\d{1,2}(?:st|nd|rd|th)?/i.exec(m[0])![0];
    const secondAt = m[0].lastIndexOf(m[3], m[4] ? m[0].length - m[4].length - 1 : m[0].length);
    found.push({ index: m.index!, end: m.index! + fromText.length, month, day: d1, statedYear: year, via: 'pattern' });
    found.push({ index: m.index! + secondAt, end: m.index! + m[0].length, month, day: d2, statedYear: year, via: 'pattern' });
  }
  return found;
}

/**
 * Whether the letter writes numeric dates day first (26-05-2027, 14.06.2027) or month first
 * (05/26/2027): a date whose first number cannot be a month settles it for the whole letter, and so
 * does one whose second number cannot be; dotted dates are day first where nothing else says.
 * Otherwise month first, as US letters write them.
 */
export type NumericOrder = 'dmy' | 'mdy';

const NUMERIC_DATE = /(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:(?:19|20)\d{2}|\d{2})(?![\d/.-]*\d)/g;

export function numericOrder(texts: readonly string[]): NumericOrder {
  let dotted = false;
  for (const text of texts) {
    for (const m of text.matchAll(NUMERIC_DATE)) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b <= 12) return 'dmy';
      if (b > 12 && a <= 12) return 'mdy';
      if (m[2] === '.') dotted = true;
    }
  }
  return dotted ? 'dmy' : 'mdy';
}

function patternDates(text: string, order: NumericOrder = 'mdy'): RawDate[] {
  const found: RawDate[] = sameMonthRanges(text);
  const taken = [...found];
  for (const m of text.matchAll(DATE_RE)) {
    if (taken.some((t) => m.index! < t.end && t.index < m.index! + m[0].length)) continue;
    const g = m.groups ?? {};
    let month: number | null = null;
    let day: number | null = null;
    let year: number | null = null;
    if (g.m1) [month, day, year] = [monthNumber(g.m1), Number(g.d1), Number(g.y1)];
    else if (g.m2) [month, day, year] = [monthNumber(g.m2), Number(g.d2), Number(g.y2)];
    else if (g.m3) {
      const [a, b] = [Number(g.m3), Number(g.d3)];
      const y = expandYear(g.y3);
      // The letter's order, unless only the other order makes a real date.
      const dayFirst = order === 'dmy' ? a <= 31 && b <= 12 : a > 12 && b <= 12;
      [month, day, year] = dayFirst ? [b, a, y] : [a, b, y];
    }
    else if (g.y4) [month, day, year] = [Number(g.m4), Number(g.d4), Number(g.y4)];
    else if (g.m5) [month, day] = [monthNumber(g.m5), Number(g.d5)];
    else if (g.m6) [month, day] = [monthNumber(g.m6), Number(g.d6)];
    else if (g.m7) [month, year] = [monthNumber(g.m7), Number(g.y7)];
    if (month === null || month < 1 || month > 12) continue;
    if (day !== null && (day < 1 || day > 31 || !isRealDate(year ?? 2028, month, day))) continue;
    // A trailing full stop belongs to the sentence, not to the date.
    const text0 = m[0].replace(/[\s.,]+$/, '');
    const index = m.index;
    found.push({ index, end: index + text0.length, month, day, statedYear: year, via: 'pattern' });
  }
  return found;
}

const CHRONO_DATE_TEXT = new RegExp(`${MONTH}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}`, 'i');

/** chrono-node catches formats our patterns do not ("7-Jun-2027"); only dates with a month and day written out count. */
function chronoDates(text: string, taken: RawDate[]): RawDate[] {
  const found: RawDate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = chrono.en.parse(text, new Date(Date.UTC(2000, 0, 1)));
  } catch {
    return found;
  }
  for (const r of results) {
    if (r.end) continue; // ranges are linked by our own pass
    if (!r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    if (!CHRONO_DATE_TEXT.test(r.text)) continue;
    // As in our own patterns, a month name must be capitalised ("you may 2 ..." is not May 2).
    const monthWord = new RegExp(`\\b${MONTH}\\b`, 'i').exec(r.text);
    if (monthWord && !/^[A-Z]/.test(monthWord[0])) continue;
    const index = r.index;
    const end = r.index + r.text.length;
    if (taken.some((t) => t.index < end && index < t.end)) continue;
    found.push({
      index,
      end,
      month: r.start.get('month') as number,
      day: r.start.get('day') as number,
      statedYear: r.start.isCertain('year') ? (r.start.get('year') as number) : null,
      via: 'chrono',
    });
  }
  return found;
}

// Sentence ends: a full stop that is not an abbreviation's, a blank line, or the end of a salutation line ("Dear Jane,").
const SENTENCE_END =
  /(?<!\b(?:Mr|Ms|Mrs|Dr|St|Ste|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Co|Corp|Ltd|Blvd|Ave|Rd|Fl|Jr|Sr|vs|etc|e\.g|i\.e|a\.m|p\.m|U\.S|P\.O|[A-Z]))[.!?](?=\s)|\n[ \t\r]*\n|(?<=^[ \t\r]*(?:Dear|Hi|Hello|Hey|Greetings)\b[^\n]{0,60}[,:!][ \t\r]*)\n/gm;

interface SentenceEnd {
  /** Where the end mark starts, and where the next sentence may start. */
  at: number;
  boundary: number;
  blankLine: boolean;
}

// The ends of one text are found once: sentenceBounds is asked for every date mention, and scanning the whole
// text per mention made long letters quadratic. A one-entry cache fits the call pattern (one page at a time).
let cachedText: string | null = null;
let cachedEnds: SentenceEnd[] = [];

function sentenceEnds(text: string): SentenceEnd[] {
  if (text !== cachedText) {
    cachedEnds = [...text.matchAll(SENTENCE_END)].map((m) => ({ at: m.index, boundary: m.index + m[0].length, blankLine: m[0].startsWith('\n') }));
    cachedText = text;
  }
  return cachedEnds;
}

/** [start, end) of the sentence holding `index` in `text`: split on full stops (not abbreviations) and blank lines. */
export function sentenceBounds(text: string, index: number): [number, number] {
  const ends = sentenceEnds(text);
  // The last end whose boundary is at or before index starts the sentence.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid].boundary <= index) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? ends[lo - 1].boundary : 0;
  // The first end that starts at or after index closes it.
  let end = text.length;
  for (let i = lo; i < ends.length; i++) {
    if (ends[i].at >= index) {
      end = ends[i].at + (ends[i].blankLine ? 0 : 1);
      break;
    }
  }
  return [start, end];
}

// Stray OCR specks (":", ".", "'") may sit around the word that joins a range.
const RANGE_JOIN = /^\s*[:;.,'’]?\s*(?:-|–|—|to|through|thru|until|till|and)(?:\s+the)?\s*[:;.,'’]?\s*$/i;

function linkRanges(page: DateMention[], text: string): void {
  for (let i = 0; i + 1 < page.length; i++) {
    const a = page[i];
    const b = page[i + 1];
    const between = text.slice(a.end, b.index);
    if (!RANGE_JOIN.test(between)) continue;
    if (/^\s*and\s*$/i.test(between) && !/\bbetween\s*$/i.test(text.slice(Math.max(0, a.index - 12), a.index))) continue;
    if (a.range || b.range) continue;
    a.range = { role: 'from', partner: b };
    b.range = { role: 'to', partner: a };
  }
}

function compare(a: { year: number; month: number; day: number | null }, b: { year: number; month: number; day: number | null }): number {
  return a.year - b.year || a.month - b.month || (a.day ?? 1) - (b.day ?? 1);
}

/** Gives each year-less date a year: its range partner's, else the nearest written year in its sentence, else in the letter. */
function imputeYears(all: DateMention[], pageText: Map<number, string>): void {
  for (const m of all) {
    if (m.statedYear !== null || !m.range) continue;
    const p = m.range.partner;
    if (p.statedYear === null) continue;
    m.year = p.statedYear;
    // "December 1 - February 28, 2028": the first end lies in the year before.
    if (m.range.role === 'from' && compare(m as { year: number; month: number; day: number | null }, { year: p.statedYear, month: p.month, day: p.day }) > 0) m.year -= 1;
    if (m.range.role === 'to' && compare(m as { year: number; month: number; day: number | null }, { year: p.statedYear, month: p.month, day: p.day }) < 0) m.year += 1;
    m.yearSource = `year from the other end of the range "${p.text}"`;
  }
  const withYear = all.filter((m) => m.statedYear !== null);
  for (const m of all) {
    if (m.year !== null) continue;
    const text = pageText.get(m.page) ?? '';
    const [s, e] = sentenceBounds(text, m.index);
    const inSentence = withYear.filter((o) => o.page === m.page && o.index >= s && o.end <= e);
    const nearest = (list: DateMention[]) =>
      list.reduce<DateMention | null>((best, o) => (best === null || Math.abs(o.globalIndex - m.globalIndex) < Math.abs(best.globalIndex - m.globalIndex) ? o : best), null);
    const sentenceDate = nearest(inSentence);
    if (sentenceDate) {
      m.year = sentenceDate.statedYear;
      m.yearSource = `year from "${sentenceDate.text}" in the same sentence`;
      continue;
    }
    const bareYear = /\b(20\d{2})\b/.exec(text.slice(s, e));
    if (bareYear) {
      m.year = Number(bareYear[1]);
      m.yearSource = `year ${bareYear[1]} written in the same sentence`;
      continue;
    }
    const letterDate = nearest(withYear);
    if (letterDate) {
      m.year = letterDate.statedYear;
      m.yearSource = `year from the nearest full date "${letterDate.text}"`;
    }
  }
}

/** Every calendar date written in the letter, in reading order, with ranges linked and years filled in where the letter allows. */
export const findDateMentions = perLetter(function findDateMentions(letter: Letter): readonly DateMention[] {
  const all: DateMention[] = [];
  const pageText = new Map<number, string>();
  let offset = 0;
  const order = numericOrder(letter.pages.map((p) => p.text));
  for (const page of letter.pages) {
    pageText.set(page.number, page.text);
    const raw = patternDates(page.text, order);
    raw.push(...chronoDates(page.text, raw));
    raw.sort((a, b) => a.index - b.index);
    const mentions: DateMention[] = raw.map((r) => ({
      page: page.number,
      index: r.index,
      end: r.end,
      globalIndex: offset + r.index,
      text: page.text.slice(r.index, r.end),
      month: r.month,
      day: r.day,
      statedYear: r.statedYear,
      year: r.statedYear,
      yearSource: null,
      range: null,
      via: r.via,
    }));
    linkRanges(mentions, page.text);
    all.push(...mentions);
    offset += page.text.length + 1;
  }
  imputeYears(all, pageText);
  return all;
});

/** The date part of an email Date header, as the sender wrote it (no time-zone shift). */
export function emailHeaderDate(header: string | null): string | null {
  if (!header) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(header.trim());
  if (iso) return isRealDate(+iso[1], +iso[2], +iso[3]) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  // RFC 5322: "Wed, 3 Mar 2027 10:14:00 -0800"
  const rfc = new RegExp(`(\\d{1,2})\\s+(${MONTH})\\.?\\s+(\\d{4})`, 'i').exec(header);
  if (rfc) {
    const month = MONTHS[rfc[2].slice(0, 3).toLowerCase()];
    return isRealDate(+rfc[3], month, +rfc[1]) ? isoDate(+rfc[3], month, +rfc[1]) : null;
  }
  const loose = new RegExp(`(${MONTH})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i').exec(header);
  if (loose) {
    const month = MONTHS[loose[1].slice(0, 3).toLowerCase()];
    return isRealDate(+loose[3], month, +loose[2]) ? isoDate(+loose[3], month, +loose[2]) : null;
  }
  return null;
}

/** Days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
