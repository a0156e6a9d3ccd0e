import type { Worker } from 'tesseract.js';
import type { OcrWord } from '../extractedDocument.js';
import type { OcrPageResult } from '../ocrService.js';

/**
 * Reads one prepared PNG. Words and their confidences come from the TSV output: the block tree
 * (`blocks`) carries every symbol and its alternatives, far more than is needed, at a cost.
 */
export async function recognizePage(worker: Worker, png: Buffer): Promise<OcrPageResult> {
  const { data } = await worker.recognize(png, {}, { text: true, tsv: true });
  const words = wordsFromTsv(data.tsv ?? '');
  return { text: tidyText(data.text ?? ''), confidence: meanConfidence(words), words };
}

/** Word rows (level 5) of tesseract's TSV: level page block par line word left top width height conf text. */
export function wordsFromTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim();
    const confidence = Number(cells[10]);
    if (!text || !Number.isFinite(confidence) || confidence < 0) continue;
    words.push({ text, confidence: Math.round(Math.min(100, confidence) * 10) / 1000 });
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

/** The engine's text, without the blank lines it pads blocks with and its trailing form feed. */
function tidyText(text: string): string {
  return text
    .replace(/\f/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
