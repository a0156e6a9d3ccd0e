import type { TextSource } from '../report/index.js';

/** A word read by OCR, with the engine's confidence scaled to 0..1. */
export interface OcrWord {
  text: string;
  confidence: number;
}

export interface ExtractedPage {
  /** 1-based. For an email: page 1 is the message body, attachment pages follow. */
  number: number;
  text: string;
  source: 'text' | 'ocr';
  /** Mean word confidence 0..1 for an OCR page; null for a text-layer page. */
  ocrConfidence: number | null;
  /** OCR words, kept so that fields can tell when their evidence rests on poorly read words. */
  words?: OcrWord[];
  /** Raster images drawn on the page (a scanned or drawn signature is one). */
  imageCount: number;
}

/** The headers of an email letter: what makes it an "official email" rather than a forwarded text. */
export interface EmailEnvelope {
  from: { name: string | null; address: string | null } | null;
  to: { name: string | null; address: string | null }[];
  date: string | null;
  subject: string | null;
}

/** Something noticed while reading that is not an error (e.g. a PDF with JavaScript, which we never run). */
export interface ExtractionNotice {
  code: 'DOCUMENT_HAS_SCRIPT' | 'DOCUMENT_HAS_MACROS' | 'DOCUMENT_EXTERNAL_REFERENCES' | 'DOCUMENT_TYPE_MISMATCH';
  message: string;
}

export interface ExtractedDocument {
  mediaType: string;
  pages: ExtractedPage[];
  email: EmailEnvelope | null;
  notices: ExtractionNotice[];
}

/** The document summary's text source: all text layer, all OCR, or a mix. */
export function textSourceOf(pages: ExtractedPage[]): TextSource {
  const ocr = pages.filter((p) => p.source === 'ocr').length;
  if (ocr === 0) return 'text';
  return ocr === pages.length ? 'ocr' : 'mixed';
}

/** Mean OCR confidence over OCR pages, weighted by words read; null when nothing was OCR-read. */
export function ocrConfidenceOf(pages: ExtractedPage[]): number | null {
  const ocrPages = pages.filter((p) => p.source === 'ocr' && p.ocrConfidence !== null);
  if (ocrPages.length === 0) return null;
  let weight = 0;
  let sum = 0;
  for (const page of ocrPages) {
    const w = Math.max(1, page.words?.length ?? 1);
    weight += w;
    sum += (page.ocrConfidence as number) * w;
  }
  return Math.round((sum / weight) * 1000) / 1000;
}
