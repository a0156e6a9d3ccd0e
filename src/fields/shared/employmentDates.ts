import type { Letter } from '../letter.js';
import { addDays, daysBetween, findDateMentions, isoDate, mentionIso, sentenceBounds, type DateMention } from './dates.js';
import { locateLetterDate, type LocatedLetterDate } from './datesOfLetter.js';
import { lineAt, zonedLines, type ZonedLine } from './datesZones.js';
import { perLetter } from './perLetter.js';
import { layoutOf, type LayoutView } from '../layout/layoutView.js';

/** One reading of the letter's start or end date, with the cue that supports it. */
export interface DateCandidate {
  /** YYYY-MM-DD; null when the letter gives only a month, or no year can be found. */
  iso: string | null;
  mention: DateMention;
  how: 'label' | 'cue' | 'range';
  confidence: number;
  page: number;
  /** Exact text from the letter: the cue and the date. */
  quote: string;
  note: string;
}

export interface StatedDuration {
  weeks: number | null;
  months: number | null;
  page: number;
  quote: string;
}

export interface EmploymentDates {
  start: DateCandidate[];
  end: DateCandidate[];
  /** Dates looked at and set aside, with the reason: what `trace` reports. */
  rejected: string[];
  duration: StatedDuration | null;
  letterDate: LocatedLetterDate | null;
}

type Role = 'start' | 'end' | 'range' | 'deadline' | 'other' | 'none';

const QUALIFIER = '(?:(?:anticipated|expected|tentative|tentatively|proposed|projected|estimated|official|planned|scheduled|internship|intern|co-?op|employment|assignment|program|programme|work|your|job|position|contract|appointment|term)\\s+)*';
const TAIL = '(?:\\s+(?:date|day))?(?:\\s+of\\s+(?:the\\s+)?\\w+(?:\\s+\\w+)?)?\\s*(?:\\([^)]*\\))?\\s*[:|\\-–—\\t=]*\\s*$';
const START_LABEL = new RegExp(
  `^[\\W_]*${QUALIFIER}(?:start(?:ing)?|begin(?:ning)?|commencement|first day|from|joining|reporting|date\\s+of\\s+(?:joining|commencement|start|reporting|hire|appointment))${TAIL}`,
  'i',
);
const END_LABEL = new RegExp(
  `^[\\W_]*${QUALIFIER}(?:end(?:ing)?|completion|finish|last day|last working day|conclusion|termination|through|to|until|relieving|date\\s+of\\s+(?:completion|end|relieving|termination))${TAIL}`,
  'i',
);
const RANGE_LABEL = new RegExp(`^[\\W_]*${QUALIFIER}(?:dates|date\\(s\\)|period|term|duration|timeframe|time frame|length|schedule|tenure)${TAIL}`, 'i');
const DEADLINE_LABEL = /\b(?:expir\w*|deadline|respond|response|reply|accept(?:ance)?|valid|return)\b[^:|]*[:|\-–—\t]*\s*$/i;
const OTHER_LABEL = /^[\W_]*(?:[\w'-]+\s+){0,3}(?:date|dated|signed|sent)\s*[:|\-–—\t]*\s*$/i;

const START_CUE =
  /\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc(?:e|es|ed|ing|ement)|first day|report(?:ing)? (?:to work|for work|for duty|to the office|to our office|on site|onsite)|effective|join(?:ing)? (?:us|the team|our team)|on-?board(?:ing)? date|arrival date|kick(?:s)? off|runs?\s+from|running\s+from)\b/gi;
const END_CUE =
  /\b(?:end(?:s|ed|ing)?|conclu(?:de|des|ded|ding|sion)|through|thru|until|till|last day|complet(?:e|es|ed|ing|ion)|terminat(?:e|es|ed|ing|ion)|finish(?:es|ed|ing)?|wrap(?:s)? up)\b/gi;
const DEADLINE_CUE =
  /\b(?:by|before|no later than|prior to|deadline|expir(?:e|es|ed|ing|ation)|valid|respond|reply|rsvp|rescind(?:ed)?|withdrawn)\b/gi;
const OTHER_CUE =
  /\b(?:orientation|training|graduat(?:e|es|ing|ion)|pay ?days?|paychecks?|pay dates?|payroll|benefits?|insurance|housing|move-in|check-in|background|drug|screening|interview(?:ed)?|meeting|session|dated|signed|sent|received|holidays?|deposit|paperwork|webinar|event|reception|celebration|written|letter of|notice)\b/gi;
// A clause that is about replying to the offer turns "until"/"through" into a deadline ("valid until March 31").
const RESPONSE_CLAUSE = /\b(?:valid|expire[sd]?|open|stands|good|respond|response|reply|accept(?:ance)?|decision|sign(?:ed)?|return(?:ed)?|countersign(?:ed)?|let us know)\b/i;
const EMPLOYMENT_WORDS = /\b(?:intern(?:ship)?s?|co-?op|employment|position|assignment|program|programme|work|role|term|summer|fall|autumn|spring|winter|period|dates?|semester|session|engagement|contract|appointment|rotation|placement)\b/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, 'twenty-six': 26,
};
const DURATION =
  /\b(?:for|lasting|last|of|duration of|period of|term of|spans?|runs? for|a|an)\s+(?:a\s+period\s+of\s+|approximately\s+|about\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|twenty-four|twenty-six)(?:\s*\(\d{1,2}\))?[\s-]+(weeks?|months?)\b/gi;

interface Classified {
  role: Role;
  how: 'label' | 'cue' | null;
  /** Where the quote should start: the label or cue before the date. */
  quoteFrom: number;
  why: string;
}

function lastMatch(re: RegExp, text: string): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(re)) last = m;
  return last;
}

/**
 * The label of a date: the label of the table cell or "Label:" it is the value of (a row's first
 * cell, the header over its column), else the words in front of it on its line, else a short line
 * alone right above it ("Start Date" over "June 1, 2027").
 */
function labelOf(m: DateMention, view: LayoutView, lines: readonly ZonedLine[], pageText: string): { text: string; from: number; column?: true } | null {
  const pair = view.labelled().find((p) => p.value.span.page === m.page && p.value.span.start <= m.index && m.end <= p.value.span.end);
  if (pair && pair.value.span.start === m.index - (pair.value.text.length - pair.value.text.trimStart().length)) {
    return { text: pair.label.text, from: pair.label.span.start, ...(pair.how === 'table-column' ? { column: true as const } : {}) };
  }
  const line = lineAt(lines, m.page, m.index);
  if (!line) return null;
  const own = pageText.slice(line.start, m.index);
  if (own.trim()) return { text: own, from: line.start + (own.length - own.trimStart().length) };
  const at = lines.indexOf(line);
  const prev = at > 0 && lines[at - 1].page === line.page ? lines[at - 1] : null;
  if (prev && prev.text.length <= 40 && !prev.cell === !line.cell) return { text: prev.text, from: prev.start };
  return null;
}

function classify(m: DateMention, prev: DateMention | null, view: LayoutView, lines: readonly ZonedLine[], pageText: string): Classified {
  const label = labelOf(m, view, lines, pageText);
  if (label) {
    const t = label.text.replace(/\s+/g, ' ');
    // Only the tail of a line counts as a label: "Position: Intern | Start Date: June 1" -> "Start Date:".
    const tail = t.split(/[|;]|\s{2,}|\t/).filter((s) => s.trim()).pop() ?? t;
    // Under a column header the quote is the date alone; the header is named in the trace.
    const quoteAt = (candidate: string) => (label.column ? m.index : label.from + t.lastIndexOf(candidate.trim()));
    for (const candidate of [tail, t]) {
      if (START_LABEL.test(candidate)) return { role: 'start', how: 'label', quoteFrom: quoteAt(candidate), why: `label "${candidate.trim()}"` };
      if (END_LABEL.test(candidate)) return { role: 'end', how: 'label', quoteFrom: quoteAt(candidate), why: `label "${candidate.trim()}"` };
      if (RANGE_LABEL.test(candidate) && m.range?.role === 'from') return { role: 'range', how: 'label', quoteFrom: quoteAt(candidate), why: `label "${candidate.trim()}"` };
    }
    if (DEADLINE_LABEL.test(tail) && tail.length < 60) return { role: 'deadline', how: 'label', quoteFrom: m.index, why: `label "${tail.trim()}"` };
  }
  const [sentenceStart] = sentenceBounds(pageText, m.index);
  const from = Math.max(sentenceStart, prev ? prev.end : 0, m.index - 90);
  const before = pageText.slice(from, m.index);
  const cues: { role: Role; m: RegExpMatchArray }[] = [];
  for (const [role, re] of [
    ['start', START_CUE],
    ['end', END_CUE],
    ['deadline', DEADLINE_CUE],
    ['other', OTHER_CUE],
  ] as const) {
    const hit = lastMatch(re, before);
    if (hit) cues.push({ role, m: hit });
  }
  cues.sort((a, b) => b.m.index! + b.m[0].length - (a.m.index! + a.m[0].length));
  const closest = cues[0];
  if (!closest) {
    if (label && OTHER_LABEL.test(label.text.trim())) return { role: 'other', how: 'label', quoteFrom: m.index, why: `label "${label.text.trim()}"` };
    return { role: 'none', how: null, quoteFrom: m.index, why: 'no cue' };
  }
  const gap = before.slice(closest.m.index! + closest.m[0].length);
  if (gap.length > 50) return { role: 'none', how: null, quoteFrom: m.index, why: 'no cue near the date' };
  let role = closest.role;
  const word = closest.m[0].toLowerCase();
  if (role === 'end' && /^(?:through|thru|until|till)$/.test(word) && RESPONSE_CLAUSE.test(pageText.slice(sentenceStart, m.index))) role = 'deadline';
  // "start date by April 1" is a deadline for choosing, not the start itself.
  if ((role === 'start' || role === 'end') && /\b(?:by|before|no later than)\s*$/i.test(gap)) role = 'deadline';
  if (role === 'other' && label && START_LABEL.test(label.text)) role = 'start';
  // "Orientation begins on May 31": the thing that begins is named before the verb.
  if (role === 'start' || role === 'end') {
    const subject = pageText.slice(sentenceStart, from + closest.m.index!);
    const event = lastMatch(OTHER_CUE, subject);
    const job = lastMatch(new RegExp(EMPLOYMENT_WORDS.source, 'gi'), subject);
    if (event && (!job || event.index! > job.index!)) return { role: 'other', how: 'cue', quoteFrom: m.index, why: `"${closest.m[0]}" is said of "${event[0]}"` };
  }
  return { role, how: 'cue', quoteFrom: from + closest.m.index!, why: `cue "${closest.m[0]}"` };
}

const REJECTED_AS: Record<string, string> = {
  top: "the letter's own date or the letterhead",
  closing: 'a signature or acceptance date',
  emailHeader: 'an email header date',
  deadline: 'offer response deadline or expiry date',
};

/**
 * Reads the start and end of the employment from the letter: labelled lines ("Start Date: ..."),
 * phrases ("beginning on ...", "ending on ..."), and written ranges ("June 1 - August 20, 2027").
 * Dates that are something else (the letter's date, the offer expiry, signatures, quoted email
 * headers, orientation or payroll dates) are set aside with the reason.
 */
export const findEmploymentDates = perLetter(function findEmploymentDates(letter: Letter): EmploymentDates {
  const mentions = findDateMentions(letter);
  const lines = zonedLines(letter);
  const view = layoutOf(letter);
  const letterDate = locateLetterDate(letter, mentions, lines);
  const pageText = new Map(letter.pages.map((p) => [p.number, p.text]));
  const result: EmploymentDates = { start: [], end: [], rejected: [], duration: null, letterDate };

  const isoOf = (m: DateMention, notes: string[]): string | null => {
    let iso = mentionIso(m);
    if (!iso) return null;
    if (m.statedYear === null) {
      if (m.yearSource) notes.push(m.yearSource);
      // A year borrowed from the dateline may be one too early ("January 5" in a letter of November).
      if (letterDate && m.range?.role !== 'to' && daysBetween(letterDate.iso, iso) < -60 && m.year !== null) {
        iso = isoDate(m.year + 1, m.month, m.day as number);
        notes.push(`moved to the year after the letter's date (${letterDate.iso})`);
      }
    }
    return iso;
  };

  const quoteOf = (page: number, from: number, to: number) => (pageText.get(page) ?? '').slice(from, to);

  mentions.forEach((m, i) => {
    const text = pageText.get(m.page) ?? '';
    if (m.range?.role === 'to') return; // decided with its partner
    if (letterDate?.mention === m) {
      result.rejected.push(`rejected "${m.text}": ${REJECTED_AS.top}`);
      return;
    }
    const prev = mentions[i - 1]?.page === m.page ? mentions[i - 1] : null;
    const c = classify(m, prev, view, lines, text);
    const zone = lineAt(lines, m.page, m.index)?.zone ?? 'body';
    const explicit = c.role === 'start' || c.role === 'end' || (c.role === 'range' && c.how === 'label');
    if (zone !== 'body' && !explicit && !(m.range && zone === 'top' && c.role === 'none')) {
      result.rejected.push(`rejected "${m.text}": ${REJECTED_AS[zone]}`);
      return;
    }
    if (c.role === 'deadline' || c.role === 'other') {
      result.rejected.push(`rejected "${m.text}": ${c.role === 'deadline' ? REJECTED_AS.deadline : `another event (${c.why})`}`);
      return;
    }
    const notes: string[] = [];
    if (m.range) {
      const partner = m.range.partner;
      // A range says which end is which; an end word before it ("will run through the summer, from ...") changes nothing.
      if (c.role === 'end') Object.assign(c, { role: 'none', how: null, quoteFrom: m.index, why: 'no cue' });
      const [s, e] = sentenceBounds(text, m.index);
      const employment = c.how === 'label' || c.role === 'start' || EMPLOYMENT_WORDS.test(text.slice(s, e));
      const confidence = c.how === 'label' ? 0.95 : c.role === 'start' ? 0.9 : employment ? 0.85 : 0.65;
      const quote = quoteOf(m.page, c.quoteFrom, partner.end);
      const fromNotes: string[] = [];
      const toNotes: string[] = [];
      result.start.push({ iso: isoOf(m, fromNotes), mention: m, how: 'range', confidence, page: m.page, quote, note: [`range start (${c.why})`, ...fromNotes].join('; ') });
      result.end.push({ iso: isoOf(partner, toNotes), mention: partner, how: 'range', confidence, page: m.page, quote, note: [`range end (${c.why})`, ...toNotes].join('; ') });
      return;
    }
    if (c.role === 'start' || c.role === 'end') {
      const iso = isoOf(m, notes);
      const candidate: DateCandidate = {
        iso,
        mention: m,
        how: c.how === 'label' ? 'label' : 'cue',
        confidence: c.how === 'label' ? 0.95 : 0.9,
        page: m.page,
        quote: quoteOf(m.page, c.quoteFrom, m.end),
        note: [c.why, ...notes].join('; '),
      };
      (c.role === 'start' ? result.start : result.end).push(candidate);
      return;
    }
    result.rejected.push(`ignored "${m.text}": nothing says it is the start or the end`);
  });

  for (const page of letter.pages) {
    for (const d of page.text.matchAll(DURATION)) {
      const [s, e] = sentenceBounds(page.text, d.index!);
      const sentence = page.text.slice(s, e);
      if (!EMPLOYMENT_WORDS.test(sentence) && !new RegExp(START_CUE.source, 'i').test(sentence)) continue;
      if (/\b(?:every|each|within|notice|after|before|per)\s*$/i.test(page.text.slice(Math.max(0, d.index! - 12), d.index!))) continue;
      const n = NUMBER_WORDS[d[1].toLowerCase()] ?? Number(d[1]);
      const unit = d[2].toLowerCase().startsWith('week') ? 'weeks' : 'months';
      result.duration = { weeks: unit === 'weeks' ? n : null, months: unit === 'months' ? n : null, page: page.number, quote: d[0] };
      break;
    }
    if (result.duration) break;
  }
  return result;
});

/** The best candidate: the surest cue first, then the earliest in the letter. Conflicting values go to the trace. */
export function pickCandidate(candidates: DateCandidate[]): { best: DateCandidate | null; conflicts: DateCandidate[] } {
  const usable = candidates.filter((c) => c.iso !== null);
  const pool = usable.length ? usable : candidates;
  const best = [...pool].sort((a, b) => b.confidence - a.confidence || a.mention.globalIndex - b.mention.globalIndex)[0] ?? null;
  const conflicts = best ? usable.filter((c) => c.iso !== best.iso) : [];
  return { best, conflicts };
}

/** The end a stated duration would give, for the trace only: the letter's dates are never invented. */
export function endFromDuration(startIso: string, d: StatedDuration): string {
  if (d.weeks !== null) return addDays(startIso, d.weeks * 7 - 1);
  const [y, m, day] = startIso.split('-').map(Number);
  const after = new Date(Date.UTC(y, m - 1 + (d.months ?? 0), day));
  return addDays(isoDate(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()), -1);
}
