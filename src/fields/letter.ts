import type { EmailEnvelope, LetterPage } from '../document/letterDocument.js';
import type { OcrWord } from '../extract/extractedDocument.js';
import { pageFromOcr } from '../extract/layout/pageFromOcr.js';
import { pageFromText } from '../extract/layout/pageFromText.js';

/** What every field reads: the letter's structured pages and, for an email, its headers. */
export interface Letter {
  pages: LetterPage[];
  email: EmailEnvelope | null;
}

/** A one-page letter from plain text: how the field tests build their input. */
export function letterFromText(text: string, email: EmailEnvelope | null = null): Letter {
  return { pages: [pageFromText(text)], email };
}

export interface PageSpec {
  number?: number;
  text: string;
  source?: 'text' | 'ocr';
  imageCount?: number;
  /** For an OCR page: the engine's words and confidences (by default, none scored). */
  words?: OcrWord[];
}

/** A page from plain text, as a text layer or as OCR read it: how tests build letters of several pages. */
export function pageOf(spec: PageSpec): LetterPage {
  const number = spec.number ?? 1;
  if (spec.source === 'ocr') {
    const words = spec.words ?? [];
    const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0.9;
    return pageFromOcr({ number, text: spec.text, words, confidence, imageCount: spec.imageCount ?? 0 });
  }
  return pageFromText(spec.text, { number, imageCount: spec.imageCount ?? 0 });
}
