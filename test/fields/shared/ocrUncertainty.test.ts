import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../src/extract/extractedDocument.js';
import type { LetterPage } from '../../../src/document/letterDocument.js';
import { findElements } from '../../../src/fields/findElements.js';
import { pageOf, type Letter } from '../../../src/fields/letter.js';
import { lowOcrConfidenceFindings, markOcrUncertainty, readingOfQuote } from '../../../src/fields/shared/ocrUncertainty.js';

/** An OCR page whose words are read with confidence 0.95 unless `shaky` gives another. */
function ocrWords(text: string, shaky: Record<string, number> = {}): OcrWord[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ text: word, confidence: shaky[word] ?? 0.95 }));
}

function ocrPage(number: number, text: string, shaky: Record<string, number> = {}): LetterPage {
  return pageOf({ number, text, source: 'ocr', words: ocrWords(text, shaky) });
}

const LETTER = [
  'Brightwater Analytics Inc.',
  '418 Larkspur Avenue, Denver, CO 80205',
  '',
  'March 3, 2025',
  '',
  'Dear Priya Ramaswamy,',
  '',
  'We are pleased to offer you a summer internship as a Data Engineering Intern.',
  'You will build data pipelines and write tests for our reporting tools.',
  'The internship runs from June 2, 2025 to August 22, 2025.',
  'You will work 40 hours per week at our office at 418 Larkspur Avenue, Denver, CO 80205.',
  'You will be paid $24.50 per hour.',
  '',
  'Sincerely,',
  'Marcus Whitfield, Engineering Manager',
].join('\n');

describe('readingOfQuote', () => {
  it('places a quote on the OCR words under it', () => {
    const page = ocrPage(1, 'You will work 40 hours per week.', { '40': 0.42 });
    const letter = (p: LetterPage): Letter => ({ pages: [p], email: null });
    expect(readingOfQuote(letter(page), { page: 1, quote: '40 hours per week' })).toMatchObject({ words: 4, weakestDigitWord: 0.42 });
    expect(readingOfQuote(letter(page), { page: 1, quote: 'not on the page' })).toBeNull();
    expect(readingOfQuote(letter({ ...page, source: 'text' }), { page: 1, quote: '40 hours per week' })).toBeNull();
  });
});

describe('markOcrUncertainty', () => {
  it('marks the hours uncertain when their number was read poorly, with a fix naming the page', () => {
    const letter: Letter = { pages: [ocrPage(1, 'Cover sheet, nothing here.'), ocrPage(2, LETTER, { '40': 0.38 })], email: null };
    const elements = findElements(letter);
    expect(elements.hours_per_week.status).toBe('uncertain');
    expect(elements.hours_per_week.value).not.toBeNull();
    expect(elements.hours_per_week.fix).toBe('Upload a sharper scan of page 2 so that the hours per week can be read.');
    expect(elements.hours_per_week.trace.at(-1)).toMatch(/low confidence/);
    // Elements resting on well-read words are untouched.
    expect(elements.job_title.status).toBe('present');
  });

  it('leaves a well-read OCR letter alone, and never touches text-layer pages', () => {
    const clean = findElements({ pages: [ocrPage(1, LETTER)], email: null });
    expect(clean.hours_per_week.status).toBe('present');
    const textLayer = { pages: [{ ...ocrPage(1, LETTER, { '40': 0.1 }), source: 'text' as const }], email: null };
    const detected = findElements(textLayer);
    expect(markOcrUncertainty(detected, textLayer)).toBe(detected);
  });

  it('marks a name uncertain when a large share of its letters sit in poorly read words', () => {
    const elements = findElements({ pages: [ocrPage(1, LETTER, { 'Ramaswamy,': 0.31 })], email: null });
    expect(elements.student_name.status).toBe('uncertain');
    expect(elements.student_name.fix).toContain("the student's name");
  });
});

describe('markOcrUncertainty judges the words of the value, not the whole quote', () => {
  it('keeps an organization read well even when the smudged address line in the same quote was not', () => {
    const text = LETTER.replace('418 Larkspur Avenue, Denver, CO 80205', 'Fesbiiviin mp etons');
    const elements = findElements({ pages: [ocrPage(1, text, { Fesbiiviin: 0.01, mp: 0.06, etons: 0.02 })], email: null });
    expect(elements.letterhead.status).not.toBe('uncertain');
    expect(elements.employer_name.status).not.toBe('uncertain');
  });

  it('lets a name word read well elsewhere in the letter vouch for a poor reading in the evidence', () => {
    const text = LETTER.replace('Dear Priya Ramaswamy,', 'Dear Priya,').concat('\nCopy to: Priya Ramaswamy');
    // The greeting's "Priya," is poorly read; "Priya" in the copy line is read well.
    const words = ocrWords(text).map((w) => (w.text === 'Priya,' ? { ...w, confidence: 0.2 } : w));
    const elements = findElements({ pages: [pageOf({ number: 1, text, source: 'ocr', words })], email: null });
    expect(elements.student_name.value).toBeTruthy();
    expect(elements.student_name.status).toBe('present');
  });

  it('holds the digits of a value to a higher bar than its words', () => {
    const shakyWord = findElements({ pages: [ocrPage(1, LETTER, { hours: 0.4 })], email: null });
    expect(shakyWord.hours_per_week.status).toBe('present');
    const shakyNumber = findElements({ pages: [ocrPage(1, LETTER, { '40': 0.6 })], email: null });
    expect(shakyNumber.hours_per_week.status).toBe('uncertain');
  });
});

describe('lowOcrConfidenceFindings', () => {
  it('warns when the OCR pages were read poorly as a whole, naming the worst pages', () => {
    const page = (number: number, ocrConfidence: number): LetterPage => ({ ...ocrPage(number, 'a few words here'), ocrConfidence });
    expect(lowOcrConfidenceFindings([page(1, 0.93), page(2, 0.9)])).toEqual([]);
    const [finding] = lowOcrConfidenceFindings([page(1, 0.9), page(2, 0.41)]);
    expect(finding).toMatchObject({ code: 'DOCUMENT_LOW_OCR_CONFIDENCE', severity: 'warning', element: null });
    expect(finding.message).toContain('page 2');
    expect(lowOcrConfidenceFindings([{ ...page(1, 0.2), source: 'text', ocrConfidence: null }])).toEqual([]);
  });
});
