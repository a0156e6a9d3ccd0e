import type { Worker } from 'tesseract.js';
import type { OcrWord } from '../extractedDocument.js';
import type { OcrPageResult } from '../ocrService.js';
import { repairOcrLine } from './repairOcrLine.js';
import { pageSizeFromRows, parseTesseractTsv, textFromRows, wordConfidence, type OcrTsvRow } from './tesseractTsv.js';

/**
 * Reads one prepared PNG with a tesseract.js worker. Only the TSV is asked for: the text is laid
 * out from it (pageFromRows), as it is for native tesseract, and the block tree (`blocks`) carries
 * every symbol and its alternatives, far more than is needed, at a cost.
 */
export async function recognizePage(worker: Worker, png: Buffer): Promise<OcrPageResult> {
  const { data } = await worker.recognize(png, {}, { text: false, tsv: true });
  return pageFromRows(parseTesseractTsv(data.tsv ?? ''));
}

/** A page's result from its TSV rows, the same for either engine. */
export function pageFromRows(rows: OcrTsvRow[]): OcrPageResult {
  const words = wordsFromRows(rows);
  const { width, height } = pageSizeFromRows(rows);
  return { text: tidyText(textFromRows(rows)), confidence: meanConfidence(words), words, tsv: rows, width, height };
}

/** The words read (level 5 rows with text), confidence scaled to 0..1. */
export function wordsFromRows(rows: readonly OcrTsvRow[]): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of rows) {
    if (row.level !== 5) continue;
    const text = row.text.trim();
    if (!text || row.conf < 0) continue;
    words.push({ text, confidence: wordConfidence(row.conf) });
  }
  return words;
}

/**
 * Mean of the word confidences, weighted by word length: a misread "the" matters less than a
 * misread street name. 0 when nothing was read.
 */
export function meanConfidence(words: OcrWord[]): number {
  let weight = 0;
  let sum = 0;
  for (const word of words) {
    weight += word.text.length;
    sum += word.confidence * word.text.length;
  }
  return weight ? Math.round((sum / weight) * 1000) / 1000 : 0;
}

/**
 * The engine's text, without the blank lines it pads blocks with and its trailing form feed, each
 * line repaired as repairOcrLine says (the structured page repairs its words the same way).
 */
export function tidyText(text: string): string {
  return text
    .replace(/\f/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map(repairOcrLine)
    .join('\n')
    .trim();
}
