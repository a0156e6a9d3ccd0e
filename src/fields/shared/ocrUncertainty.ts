import type { ExtractedPage, OcrWord } from '../../extract/extractedDocument.js';
import type { ElementName, Evidence, Finding } from '../../report/index.js';
import type { FoundElements } from '../findElements.js';
import type { Letter } from '../letter.js';

// Tesseract's word confidences (0..1 here): clean print reads at 0.9 and above; a word under 0.5
// is as likely misread as not. A digit decides an hour count, a date or a ZIP code on its own,
// so words holding digits must be read more surely than the words around them.
const LOW_WORD = 0.5;
const LOW_DIGIT_WORD = 0.7;
// Evidence whose letters sit in poorly read words beyond this share is not trusted.
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
};

export interface QuoteReading {
  /** Mean confidence of the words under the quote, weighted by length. */
  confidence: number;
  /** Share of the quote's letters in words read below LOW_WORD. */
  lowShare: number;
  /** The least sure word holding a digit, if any. */
  weakestDigitWord: number | null;
  words: number;
}

/**
 * How surely the OCR words under an evidence quote were read; null when the quote is not on an
 * OCR page or cannot be placed on its words.
 */
export function readingOfQuote(page: Pick<ExtractedPage, 'text' | 'source' | 'words'>, quote: string): QuoteReading | null {
  const under = wordsUnder(page, quote);
  return under ? summarize(under) : null;
}

function wordsUnder(page: Pick<ExtractedPage, 'text' | 'source' | 'words'>, quote: string): OcrWord[] | null {
  if (page.source !== 'ocr' || !page.words?.length || !quote.trim()) return null;
  const span = locate(page.text, quote);
  if (!span) return null;
  const under = wordSpans(page.text, page.words).filter((w) => w.end > span.start && w.start < span.end);
  return under.length ? under.map((w) => w.word) : null;
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

function isPoorlyRead(reading: QuoteReading): boolean {
  return (reading.weakestDigitWord !== null && reading.weakestDigitWord < LOW_DIGIT_WORD) || reading.lowShare > MAX_LOW_SHARE;
}

/**
 * After the detectors: an element found on OCR text that was read poorly becomes `uncertain`,
 * keeping the value it found, with a fix asking for a sharper scan of that page. A misread digit
 * ("48" for "40" hours) would otherwise pass as a fact; uncertain sends the letter to review.
 */
export function markOcrUncertainty(elements: FoundElements, letter: Letter): FoundElements {
  if (!letter.pages.some((p) => p.source === 'ocr')) return elements;
  const marked = { ...elements } as Record<ElementName, FoundElements[ElementName]>;
  for (const name of Object.keys(elements) as ElementName[]) {
    const element = elements[name];
    if (element.status !== 'present') continue;
    const judged = judgeEvidence(element.evidence, letter);
    if (!judged) continue;
    const { reading, page } = judged;
    marked[name] = {
      ...element,
      status: 'uncertain',
      confidence: Math.min(element.confidence, Math.round(reading.confidence * 100) / 100),
      fix: `Upload a sharper scan of page ${page} so that ${READABLE_AS[name]} can be read.`,
      trace: [
        ...element.trace,
        `the evidence on page ${page} was read by OCR with low confidence (mean ${pct(reading.confidence)}, ${pct(reading.lowShare)} of its letters in poorly read words${
          reading.weakestDigitWord !== null ? `, least sure number ${pct(reading.weakestDigitWord)}` : ''
        }): marked uncertain rather than trusted`,
      ],
    } as FoundElements[ElementName];
  }
  return marked as FoundElements;
}

/** The evidence read as a whole (all its quotes' words together); the page named is the worst-read one. */
function judgeEvidence(evidence: Evidence[], letter: Letter): { reading: QuoteReading; page: number } | null {
  const words: OcrWord[] = [];
  let worst: { page: number; confidence: number } | null = null;
  for (const item of evidence) {
    const page = letter.pages.find((p) => p.number === item.page);
    const under = page ? wordsUnder(page, item.quote) : null;
    if (!under) continue;
    words.push(...under);
    const confidence = summarize(under).confidence;
    if (!worst || confidence < worst.confidence) worst = { page: item.page, confidence };
  }
  if (!worst) return null;
  const reading = summarize(words);
  return isPoorlyRead(reading) ? { reading, page: worst.page } : null;
}

/** DOCUMENT_LOW_OCR_CONFIDENCE when the OCR pages as a whole were read poorly. */
export function lowOcrConfidenceFindings(pages: Pick<ExtractedPage, 'number' | 'source' | 'ocrConfidence' | 'words'>[]): Finding[] {
  const ocrPages = pages.filter((p) => p.source === 'ocr' && p.ocrConfidence !== null);
  if (ocrPages.length === 0) return [];
  const words = ocrPages.reduce((n, p) => n + Math.max(1, p.words?.length ?? 1), 0);
  const mean = ocrPages.reduce((sum, p) => sum + (p.ocrConfidence as number) * Math.max(1, p.words?.length ?? 1), 0) / words;
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

interface WordSpan {
  word: OcrWord;
  start: number;
  end: number;
}

const spansCache = new WeakMap<OcrWord[], WordSpan[]>();

/** Where each OCR word sits in the page text (the engine's text lists the words in reading order). */
function wordSpans(text: string, words: OcrWord[]): WordSpan[] {
  const cached = spansCache.get(words);
  if (cached) return cached;
  const spans: WordSpan[] = [];
  let cursor = 0;
  for (const word of words) {
    const at = text.indexOf(word.text, cursor);
    // A word not found near the cursor was tidied out of the text: skip it, keep the place.
    if (at < 0 || at - cursor > 40) continue;
    spans.push({ word, start: at, end: at + word.text.length });
    cursor = at + word.text.length;
  }
  spansCache.set(words, spans);
  return spans;
}

/** The quote's place in the page text: verbatim, else with any run of whitespace matching any other. */
function locate(text: string, quote: string): { start: number; end: number } | null {
  const trimmed = quote.trim();
  const at = text.indexOf(trimmed);
  if (at >= 0) return { start: at, end: at + trimmed.length };
  const pattern = trimmed
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const match = new RegExp(pattern).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
