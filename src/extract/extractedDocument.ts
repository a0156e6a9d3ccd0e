import type { LetterDocument, LetterPage } from '../document/letterDocument.js';
import type { TextSource } from '../report/index.js';

export type { EmailEnvelope, ExtractionNotice } from '../document/letterDocument.js';

/** A word read by OCR, with the engine's confidence scaled to 0..1: what an OCR engine hands back. */
export interface OcrWord {
  text: string;
  confidence: number;
}

/** What extract hands on: the letter as a structured document (src/document). */
export type ExtractedDocument = LetterDocument;
export type ExtractedPage = LetterPage;

/** The document summary's text source: all text layer, all OCR, or a mix. */
export function textSourceOf(pages: readonly LetterPage[]): TextSource {
  const ocr = pages.filter((p) => p.source === 'ocr').length;
  if (ocr === 0) return 'text';
  return ocr === pages.length ? 'ocr' : 'mixed';
}

/** Every word of a page that carries an OCR confidence. */
export function ocrWordsOf(page: LetterPage): { text: string; confidence: number; start: number; end: number }[] {
  const out: { text: string; confidence: number; start: number; end: number }[] = [];
  for (const block of page.blocks) {
    const lines = block.kind === 'table' ? block.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) : block.kind === 'picture' ? [] : block.lines;
    for (const line of lines) {
      for (const word of line.words ?? []) {
        if (word.confidence === null) continue;
        out.push({ text: page.text.slice(word.span.start, word.span.end), confidence: word.confidence, start: word.span.start, end: word.span.end });
      }
    }
  }
  return out;
}

/** Mean OCR confidence over OCR pages, weighted by words read; null when nothing was OCR-read. */
export function ocrConfidenceOf(pages: readonly LetterPage[]): number | null {
  const ocrPages = pages.filter((p) => p.source === 'ocr' && p.ocrConfidence !== null);
  if (ocrPages.length === 0) return null;
  let weight = 0;
  let sum = 0;
  for (const page of ocrPages) {
    const w = Math.max(1, ocrWordsOf(page).length);
    weight += w;
    sum += (page.ocrConfidence as number) * w;
  }
  return Math.round((sum / weight) * 1000) / 1000;
}
