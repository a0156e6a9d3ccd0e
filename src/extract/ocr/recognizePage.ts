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

/**
 * The engine's text, without the blank lines it pads blocks with and its trailing form feed, and
 * with two confusions of capital I that break names and sentences undone: "| am pleased" and, in a
 * line of capitalized words (a name or an address), "lyer" for "Iyer".
 */
export function tidyText(text: string): string {
  return text
    .replace(/\f/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(^|[\s"“(])\|(?=\s+(?:am|have|had|will|would|look|hope|was|can|want|wish|write|trust|believe|appreciate)\b)/gm, '$1I')
    .split('\n')
    .map(capitalIInNames)
    .join('\n')
    .trim();
}

const CAPITALIZED = /^[A-Z][a-z'’-]*[,.]?$/;
const LOWER_L_FOR_I = /^l([a-z]{2,}[,.]?)$/;

function capitalIInNames(line: string): string {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return line;
  const suspects = words.filter((w) => LOWER_L_FOR_I.test(w));
  if (suspects.length !== 1 || !words.every((w) => CAPITALIZED.test(w) || LOWER_L_FOR_I.test(w))) return line;
  return line.replace(new RegExp(`(^|\\s)${suspects[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`), (m, lead: string) => `${lead}I${suspects[0].slice(1)}`);
}
