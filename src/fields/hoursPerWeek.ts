import { layoutOf } from './layout/layoutView.js';
import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { sentenceBounds } from './shared/dates.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';

const FIX = 'Please state the number of hours per week (for example "20 hours per week").';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty'];
const WORD_NUMBER = `(?:(?:${TENS.filter(Boolean).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.join('|')})(?:\\s+and\\s+(?:a\\s+)?half)?`;

function wordToNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  const half = /\s+and\s+(?:a\s+)?half$/.test(w) ? 0.5 : 0;
  const core = w.replace(/\s+and\s+(?:a\s+)?half$/, '');
  const unit = UNITS.indexOf(core);
  if (unit >= 0) return unit + half;
  const [tens, ones] = core.split(/[- ]/);
  const t = TENS.indexOf(tens);
  if (t < 2) return null;
  const o = ones ? UNITS.indexOf(ones) : 0;
  return o < 0 ? null : t * 10 + o + half;
}

// A number of hours: "40", "37.5", "forty", "twenty (20)".
// Never the tail of a longer number: "2027" ends no "27 hours".
const NUM = `(?:(?<![\\d.,:/])(\\d{1,2}(?:\\.\\d{1,2})?)|(${WORD_NUMBER})(?:\\s*\\((\\d{1,2}(?:\\.\\d{1,2})?)\\))?)`;
const RANGE_SEP = `\\s*(?:-|–|—|to|or|and)\\s*`;
const UNIT = `(?:hours?|hrs?\\.?|h)`;
// "hrsiwk", "hrs1wk": OCR reads the slash of "hrs/wk" as i, l or 1.
const PER_WEEK = `(?:\\s*(?:of\\s+work\\s+)?(?:per|a|an|each|every|in\\s+a|/)\\s*(?:calendar\\s+|work\\s+)?(?:week|wk)\\b|\\s+weekly\\b|\\s*/\\s*wk\\b|(?<=hrs?|hours?)[il1|](?:wk|week)\\b)`;
const BEFORE = `(?:(up\\s+to|not\\s+(?:to\\s+)?exceed(?:ing)?|no\\s+more\\s+than|not\\s+more\\s+than|a\\s+maximum\\s+of|maximum\\s+of|max(?:imum)?\\.?|at\\s+most|less\\s+than|under|fewer\\s+than|at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|no\\s+less\\s+than|no\\s+fewer\\s+than|between|approximately|about|around|roughly|an\\s+average\\s+of|on\\s+average)\\s+)?`;

/** "up to 20 hours per week", "15-20 hrs/wk", "twenty (20) hours a week", "37.5 hours weekly". */
// The figure and its unit, which a wrapped line may put on the next line (never across a blank line).
const HOURS_PER_WEEK = new RegExp(`${BEFORE}${NUM}(?:${RANGE_SEP}${NUM})?[ \\t]*\\n?[ \\t]*(?:-[ \\t]*)?${UNIT}${PER_WEEK}`, 'gi');
/** "a 40-hour work week", "35 hour workweek", "a 40-hour week". */
const HOUR_WEEK = new RegExp(`${BEFORE}${NUM}(?:${RANGE_SEP}${NUM})?[\\s-]*hours?[\\s-]+(?:work[\\s-]*)?week\\b`, 'gi');
/** Table or label rows: "Hours: 40/week", "Hours per week: 20", "Weekly hours | 15-20". */
const LABELLED = new RegExp(
  `(?:^|\\n|\\||\\.\\s+|;\\s*)[ \\t\\r]*(?:(?:scheduled|expected|work(?:ing)?|weekly|average|anticipated)\\s+)*(?:(hours\\s*(?:per|/|a|each)\\s*week|weekly\\s+(?:work\\s+)?hours|hours/wk|hrs/wk)|(?:work\\s+)?(?:schedule|hours|hrs))\\s*(?:\\([^)\\n]*\\))?\\s*[:|\\t=-]+\\s*${BEFORE}${NUM}(?:${RANGE_SEP}${NUM})?\\s*(?:${UNIT})?(${PER_WEEK})?(?=[ \\t\\r]*(?:\\(|,|;|\\.|\\||$|\\n))`,
  'gi',
);
/** The labels weekly hours are given under, in a table or before a colon. */
const HOURS_LABEL =
  /^(?:(?:scheduled|expected|work(?:ing)?|weekly|average|anticipated|regular|normal)\s+)*(?:hours\s*(?:per|\/|a|each)\s*week|weekly\s+(?:work\s+)?hours|hours\/wk|hrs\/wk|(?:work\s+)?(?:schedule|hours|hrs))(?:\s*\([^)]*\))?$/iu;
const WEEKLY_LABEL = /week|wk/i;
/** A labelled value of hours: "20", "15-20 per week", "up to 25 hours", "40 hours weekly". */
// The whole value, not a clock time ("9:00 am - 5:00 pm") or a sentence that happens to start with a number.
const HOURS_VALUE = new RegExp(`^${BEFORE}${NUM}(?:${RANGE_SEP}${NUM})?\\s*(?:${UNIT})?(${PER_WEEK})?(?=\\s*(?:\\([^)]*\\))?\\s*[.,;]?\\s*$)`, 'i');

/** "8 hours per day, 5 days per week". */
const DAILY = new RegExp(`${NUM}\\s*${UNIT}\\s*(?:per|a|each|/)\\s*day\\b[^.\\n]{0,30}?${NUM}\\s*days?\\s*(?:per|a|each|/)\\s*week\\b`, 'gi');

interface Reading {
  /** null for a ceiling alone ("up to 20"). */
  min: number | null;
  max: number;
  page: number;
  index: number;
  quote: string;
  confidence: number;
  note: string;
}

/** The numbers in a match: each NUM contributes 3 groups (digits, words, digits-in-parentheses). */
function numbersOf(groups: (string | undefined)[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 2 < groups.length; i += 3) {
    const [digits, words, paren] = groups.slice(i, i + 3);
    if (paren) out.push(Number(paren));
    else if (digits) out.push(Number(digits));
    else if (words) {
      const n = wordToNumber(words);
      if (n !== null) out.push(n);
    }
  }
  return out;
}

/** The hours a figure commits to: a range, a figure, or for "up to 20" a ceiling alone (min null, at most 20). */
function bounds(qualifier: string | undefined, nums: number[]): { min: number | null; max: number } | null {
  if (nums.length === 0) return null;
  const q = (qualifier ?? '').toLowerCase().replace(/\s+/g, ' ');
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  if (/^(?:up to|not (?:to )?exceed|no more than|not more than|a maximum of|maximum of|max|at most|less than|under|fewer than)/.test(q)) return { min: null, max: hi };
  return { min: lo, max: hi };
}

// Sentences about overtime or benefit eligibility mention weekly hours that are not the job's.
const NOT_THE_SCHEDULE = /\b(?:overtime|time and a half|eligib\w*|full-time CPT|F-1|visa|SEVIS|international students?)\b/i;
const OVER = /\b(?:beyond|in excess of|over|above|exceeding|exceeds?|more than|greater than)\s*$/i;

/** Hours given as the value of a label: a table row, a header over its column, "Hours per week: 20". */
function labelledReadings(letter: Letter): Reading[] {
  const out: Reading[] = [];
  for (const pair of layoutOf(letter).labelled()) {
    const label = pair.label.text.replace(/[\s:|=-]+$/u, '').trim();
    if (!HOURS_LABEL.test(label)) continue;
    const m = HOURS_VALUE.exec(pair.value.text.trim());
    if (!m) continue;
    const value = bounds(m[1], numbersOf([m[2], m[3], m[4], m[5], m[6], m[7]]));
    if (!value) continue;
    const weekly = WEEKLY_LABEL.test(label) || Boolean(m[8]);
    const start = pair.how === 'table-column' ? pair.value.span.start : pair.label.span.start;
    const lead = pair.value.text.length - pair.value.text.trimStart().length;
    const end = pair.value.span.start + lead + m[0].trimEnd().length;
    const page = pair.label.span.page;
    const quote = letter.pages.find((p) => p.number === page)?.text.slice(start, end) ?? m[0];
    out.push({ ...value, page, index: start, quote, confidence: weekly ? 0.9 : 0.7, note: weekly ? `"${label}" label` : `"${label}" label without "per week"` });
  }
  return out;
}

function readingsOn(page: { number: number; text: string }): Reading[] {
  const readings: Reading[] = [];
  const text = page.text;
  const add = (
    re: RegExp,
    confidence: number,
    note: string,
    numberGroups: (m: RegExpMatchArray) => (string | undefined)[],
    qualifierGroup: number | null,
    accept: (m: RegExpMatchArray) => boolean = () => true,
  ) => {
    for (const m of text.matchAll(re)) {
      if (!accept(m)) continue;
      const nums = numbersOf(numberGroups(m));
      const qualifier = qualifierGroup === null ? undefined : m[qualifierGroup];
      let value = bounds(qualifier, nums);
      if (!value) continue;
      const [s, e] = sentenceBounds(text, m.index!);
      const sentence = text.slice(s, e);
      const lead = text.slice(Math.max(s, m.index! - 25), m.index!);
      if (NOT_THE_SCHEDULE.test(sentence) && (OVER.test(lead) || /\bor more\b/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 12)))) continue;
      if (OVER.test(lead)) {
        // "will not work more than 20 hours per week" caps the schedule; a bare "more than 40 hours" is about something else.
        if (!/\b(?:not|never|no)\b/i.test(text.slice(s, m.index!))) continue;
        value = { min: null, max: value.max };
      }
      const quote = m[0].replace(/^(?:\n|\||\.\s+|;\s*)[ \t\r]*/, '').replace(/\s+$/, '');
      const index = m.index! + m[0].indexOf(quote);
      readings.push({ ...value, page: page.number, index, quote, confidence, note });
    }
  };
  // Group layout: 1 qualifier, 2-4 first NUM, 5-7 second NUM.
  add(HOURS_PER_WEEK, 0.92, 'hours per week phrase', (m) => [m[2], m[3], m[4], m[5], m[6], m[7]], 1);
  add(HOUR_WEEK, 0.85, 'N-hour work week phrase', (m) => [m[2], m[3], m[4], m[5], m[6], m[7]], 1);
  add(LABELLED, 0.9, 'labelled row', (m) => [m[3], m[4], m[5], m[6], m[7], m[8]], 2, (m) => Boolean(m[1] || m[9]));
  // "Hours: 40" with neither a weekly label nor a weekly unit: a table row that most likely means per week.
  add(LABELLED, 0.7, 'hours row without "per week"', (m) => [m[3], m[4], m[5], m[6], m[7], m[8]], 2, (m) => !m[1] && !m[9]);
  for (const m of text.matchAll(DAILY)) {
    const [perDay] = numbersOf([m[1], m[2], m[3]]);
    const [days] = numbersOf([m[4], m[5], m[6]]);
    if (!perDay || !days || days > 7) continue;
    const total = perDay * days;
    readings.push({ min: total, max: total, page: page.number, index: m.index!, quote: m[0], confidence: 0.75, note: `${perDay} hours a day × ${days} days a week` });
  }
  return readings;
}

/** The weekly hours the letter states: a figure, a range, or a cap ("up to 20" -> at most 20, min null). */
function describe(r: { min: number | null; max: number }): string {
  if (r.min === null) return `at most ${r.max}`;
  return r.min === r.max ? String(r.max) : `${r.min}-${r.max}`;
}

export function extractHoursPerWeek(letter: Letter): FoundElement<'hours_per_week'> {
  return withPlacedEvidence(letter, findHoursPerWeek(letter));
}

function findHoursPerWeek(letter: Letter): FoundElement<'hours_per_week'> {
  let readings = [...labelledReadings(letter), ...letter.pages.flatMap(readingsOn)];
  // Drop readings nested inside a longer one ("40 hours per week" inside "Hours per week: 40 hours per week").
  readings = readings.filter((r, i) => !readings.some((o, j) => j !== i && o.page === r.page && o.index <= r.index && r.index + r.quote.length <= o.index + o.quote.length && o.quote.length > r.quote.length));
  readings.sort((a, b) => a.page - b.page || a.index - b.index);
  const seen = new Set<string>();
  readings = readings.filter((r) => {
    const key = `${r.page}:${r.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (readings.length === 0) {
    const fullTime = letter.pages.some((p) => /\bfull[- ]time\b/i.test(p.text));
    const partTime = letter.pages.some((p) => /\bpart[- ]time\b/i.test(p.text));
    const said = fullTime ? 'full-time' : partTime ? 'part-time' : null;
    if (said) return missing<'hours_per_week'>(`The letter says "${said}" but gives no number; ${FIX[0].toLowerCase()}${FIX.slice(1)}`, [`"${said}" is stated without a number of hours per week`]);
    return missing<'hours_per_week'>(FIX, ['no "N hours per week" phrase or hours row found']);
  }
  const best = [...readings].sort((a, b) => b.confidence - a.confidence || a.page - b.page || a.index - b.index)[0];
  const others = readings.filter((r) => r !== best && (r.min !== best.min || r.max !== best.max));
  const trace = [`${best.note}: "${best.quote}" -> ${describe(best)} hours per week`];
  for (const o of others) trace.push(`also states "${o.quote}" (${describe(o)}); the first, surest statement is reported`);
  const evidence = [{ page: best.page, quote: best.quote, span: { page: best.page, start: best.index, end: best.index + best.quote.length } }];
  if (best.max === 0) return invalid<'hours_per_week'>({ min: 0, max: 0 }, evidence, 'The letter gives 0 hours per week; please state the actual weekly hours.', trace);
  const confidence = others.length ? Math.max(0.5, best.confidence - 0.2) : best.confidence;
  return present<'hours_per_week'>({ min: best.min, max: best.max }, evidence, confidence, trace);
}
