import type { LetterPage } from '../../document/letterDocument.js';
import { ocrConfidenceOf, ocrWordsOf, type OcrWord } from '../../extract/extractedDocument.js';
import type { ElementName, Evidence, Finding } from '../../report/index.js';
import type { FoundElements } from '../findElements.js';
import { spanOfEvidence } from '../layout/placeEvidence.js';
import type { FoundEvidence } from './foundElement.js';
import type { Letter } from '../letter.js';

// Tesseract's word confidences (0..1 here): clean print reads at 0.9 and above, but a word can be
// read right and scored low (on the 100-dpi fax fixture "intern" 0.37, "bi-weekly" 0.12; emails
// 0.08-0.47 even on clean scans), and a misread can score 0.6 ("Wa" for "Wu"). Digits are where a
// misread silently changes the value (hours, dates, ZIP, pay) and where the engine's scores hold
// up best: they are held to a high bar; words only fail when the engine was plainly guessing.
const LOW_VALUE_DIGITS = 0.7;
const LOW_VALUE_WORD = 0.35;
// A long value (a list of duties) may carry a poorly read word or two and still be right.
const MAX_LOW_VALUE_SHARE = 0.2;
// When the value cannot be found among the quote's words, the quote as a whole is judged:
// a word under 0.5 is as likely misread as not, and a digit decides an hour count or a date alone.
const LOW_WORD = 0.5;
const LOW_DIGIT_WORD = 0.7;
const MAX_LOW_SHARE = 0.2;
// Below this mean, the document as a whole was hard to read (DOCUMENT_LOW_OCR_CONFIDENCE).
export const LOW_DOCUMENT_CONFIDENCE = 0.75;

const READABLE_AS: Record<ElementName, string> = {
  letterhead: 'the letterhead',
  student_name: "the student's name",
  position_type: 'the position type',
  job_title: 'the job title',
  duties: 'the duties',
  hours_per_week: 'the hours per week',
  start_date: 'the start date',
  end_date: 'the end date',
  work_location: 'the work address',
  compensation: 'the pay',
  signature: 'the signature',
  letter_date: "the letter's date",
  employer_name: "the employer's name",
  supervisor: "the supervisor's name",
  program_relation: 'how the work relates to your studies',
  learning_objectives: 'the learning objectives',
};

// Parts of a value the detector chose from a keyword it matched ("bi-weekly" -> per: biweekly): had
// the keyword been misread it would not have matched, so its score says nothing more.
const CATEGORY_KEYS = new Set(['kind', 'mode', 'currency', 'per']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface QuoteReading {
  /** Mean confidence of the words under the quote, weighted by length. */
  confidence: number;
  /** Share of the quote's letters in words read below LOW_WORD. */
  lowShare: number;
  /** The least sure word holding a digit, if any. */
  weakestDigitWord: number | null;
  words: number;
}

interface Judgement {
  poor: boolean;
  /** For the trace and the element's confidence. */
  confidence: number;
  detail: string;
}

/**
 * How surely the OCR words under an evidence quote were read; null when the quote is not on an
 * OCR page or cannot be placed on its words.
 */
export function readingOfQuote(letter: Letter, evidence: FoundEvidence): QuoteReading | null {
  const under = wordsUnder(letter, evidence);
  return under ? summarize(under) : null;
}

/**
 * After the detectors: an element found on OCR text that was read poorly becomes `uncertain`,
 * keeping the value it found, with a fix asking for a sharper scan of that page. A misread digit
 * ("48" for "40" hours) would otherwise pass as a fact; uncertain sends the letter to review.
 *
 * What is judged is the words the value was read from (the organization's name in a letterhead
 * quote, not the smudged address line under it); a value word read well anywhere in the evidence
 * counts as read well. Only when the value cannot be matched to words is the whole quote judged.
 */
export function markOcrUncertainty(elements: FoundElements, letter: Letter): FoundElements {
  if (!letter.pages.some((p) => p.source === 'ocr')) return elements;
  const allWords = letter.pages.flatMap((p) => (p.source === 'ocr' ? ocrWordsOf(p) : []));
  const marked = { ...elements } as Record<ElementName, FoundElements[ElementName]>;
  for (const name of Object.keys(elements) as ElementName[]) {
    const element = elements[name];
    if (element.status !== 'present') continue;
    const found = evidenceWords(element.evidence, letter);
    if (!found) continue;
    const judgement = judgeValue(element.value, found.words, allWords) ?? judgeQuote(found.words);
    if (!judgement.poor) continue;
    marked[name] = {
      ...element,
      status: 'uncertain',
      confidence: Math.min(element.confidence, Math.round(judgement.confidence * 100) / 100),
      fix: `Upload a sharper scan of page ${found.page} so that ${READABLE_AS[name]} can be read.`,
      trace: [...element.trace, `read by OCR with low confidence on page ${found.page} (${judgement.detail}): marked uncertain rather than trusted`],
    } as FoundElements[ElementName];
  }
  return marked as FoundElements;
}

/** The OCR words under all of the evidence quotes; the page named is the one read worst. */
function evidenceWords(evidence: FoundEvidence[], letter: Letter): { words: OcrWord[]; page: number } | null {
  const words: OcrWord[] = [];
  let worst: { page: number; confidence: number } | null = null;
  for (const item of evidence) {
    const page = letter.pages.find((p) => p.number === item.page);
    const under = wordsUnder(letter, item);
    if (!under) continue;
    words.push(...under);
    const confidence = summarize(under).confidence;
    if (!worst || confidence < worst.confidence) worst = { page: item.page, confidence };
  }
  return worst ? { words, page: worst.page } : null;
}

/**
 * Judges the words that spell the value; null when none of them can be found among the evidence's
 * words. A word of a name read well anywhere in the letter vouches for the same word read poorly in
 * the evidence ("Cooperative" scored 0.07 in a fax's letterhead, 0.97 in its signature block); a
 * number only vouches for itself where the evidence has it.
 */
function judgeValue(value: unknown, evidence: OcrWord[], letterWords: OcrWord[]): Judgement | null {
  const tokens = [...new Set(valueTokens(value))];
  const best = new Map<string, number>();
  const consider = (word: OcrWord, onlyIfFound: boolean) => {
    const key = normalizeWord(word.text);
    const digits = word.text.replace(/\D/g, '');
    for (const token of tokens) {
      if (onlyIfFound && (!best.has(token) || /\d/.test(token))) continue;
      if (key === token || (digits && digits === token)) best.set(token, Math.max(best.get(token) ?? 0, word.confidence));
    }
  };
  for (const word of evidence) consider(word, false);
  if (best.size === 0) return null;
  for (const word of letterWords) consider(word, true);
  const readings = [...best.entries()];
  const low = readings.filter(([token, c]) => c < (/\d/.test(token) ? LOW_VALUE_DIGITS : LOW_VALUE_WORD)).length;
  const weakest = Math.min(...best.values());
  // Short values stand or fall by their weakest word; long ones (duties) by the share of weak words.
  const poor = readings.length > 8 ? low / readings.length > MAX_LOW_VALUE_SHARE : low > 0;
  return { poor, confidence: weakest, detail: `weakest word of the value ${pct(weakest)}, ${low} of ${readings.length} read below the bar` };
}

function judgeQuote(words: OcrWord[]): Judgement {
  const reading = summarize(words);
  const poor = (reading.weakestDigitWord !== null && reading.weakestDigitWord < LOW_DIGIT_WORD) || reading.lowShare > MAX_LOW_SHARE;
  const digit = reading.weakestDigitWord !== null ? `, least sure number ${pct(reading.weakestDigitWord)}` : '';
  return { poor, confidence: reading.confidence, detail: `mean ${pct(reading.confidence)}, ${pct(reading.lowShare)} of its letters in poorly read words${digit}` };
}

/**
 * The words a value is spelled with in a letter: a name's words, a number's digits, a date's
 * year, day and month. Email addresses and web addresses are left out: the engine scores them low
 * even when it reads them right (0.08-0.47 on clean 300-dpi scans), having no dictionary for them.
 */
function valueTokens(value: unknown): string[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (typeof value === 'number') {
    const fixed = value.toFixed(2);
    return [String(value).replace(/\D/g, ''), fixed.replace(/\D/g, ''), fixed.endsWith('.00') ? String(Math.trunc(value)) : ''].filter(Boolean);
  }
  if (Array.isArray(value)) return value.flatMap(valueTokens);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !CATEGORY_KEYS.has(key))
      .flatMap(([, v]) => valueTokens(v));
  }
  const text = String(value);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const month = MONTHS[Number(date[2]) - 1] ?? '';
    return [date[1], String(Number(date[3])), date[3], month, month.slice(0, 3), date[2], String(Number(date[2]))].filter(Boolean);
  }
  if (/@|www\.|https?:/i.test(text)) return [];
  return text
    .split(/\s+/)
    .map((part) => (/\d/.test(part) ? part.replace(/\D/g, '') : normalizeWord(part)))
    .filter((token) => token.length > 0);
}

function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function wordsUnder(letter: Letter, evidence: FoundEvidence): OcrWord[] | null {
  const page = letter.pages.find((p) => p.number === evidence.page);
  if (!page || page.source !== 'ocr') return null;
  const words = ocrWordsOf(page);
  const span = words.length ? spanOfEvidence(letter, evidence) : null;
  if (!span) return null;
  const under = words.filter((w) => w.end > span.start && w.start < span.end);
  return under.length ? under : null;
}

function summarize(words: OcrWord[]): QuoteReading {
  let letters = 0;
  let low = 0;
  let weighted = 0;
  let weakestDigitWord: number | null = null;
  for (const word of words) {
    const n = word.text.length;
    letters += n;
    weighted += word.confidence * n;
    if (word.confidence < LOW_WORD) low += n;
    if (/\d/.test(word.text)) weakestDigitWord = Math.min(weakestDigitWord ?? 1, word.confidence);
  }
  return { confidence: letters ? weighted / letters : 0, lowShare: letters ? low / letters : 0, weakestDigitWord, words: words.length };
}

/** DOCUMENT_LOW_OCR_CONFIDENCE when the OCR pages as a whole were read poorly. */
export function lowOcrConfidenceFindings(pages: readonly LetterPage[]): Finding[] {
  const ocrPages = pages.filter((p) => p.source === 'ocr' && p.ocrConfidence !== null);
  if (ocrPages.length === 0) return [];
  const mean = ocrConfidenceOf(ocrPages) as number;
  if (mean >= LOW_DOCUMENT_CONFIDENCE) return [];
  const poor = ocrPages.filter((p) => (p.ocrConfidence as number) < LOW_DOCUMENT_CONFIDENCE).map((p) => p.number);
  const where = poor.length === 1 ? `page ${poor[0]}` : `pages ${poor.join(', ')}`;
  return [
    {
      code: 'DOCUMENT_LOW_OCR_CONFIDENCE',
      severity: 'warning',
      element: null,
      message: `The scan was hard to read (OCR confidence ${pct(mean)}; worst on ${where}). Values read from it may be wrong: upload a sharper scan or the original PDF.`,
    },
  ];
}

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
