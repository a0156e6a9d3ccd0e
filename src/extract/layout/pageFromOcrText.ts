import type { DocumentPart, LetterPage } from '../../document/letterDocument.js';
import type { OcrWord } from '../extractedDocument.js';
import { splitListMarker } from './listMarker.js';
import { PageBuilder, type LineInput } from './pageBuilder.js';

export interface OcrTextPageInput {
  number: number;
  part?: DocumentPart;
  /** The engine's text: lines of words, blank lines between paragraphs. */
  text: string;
  /** The engine's words in reading order, with their confidences. */
  words: OcrWord[];
  confidence: number;
  imageCount?: number;
}

/**
 * An OCR page from text and scored words alone, with no place on the page: how tests write an OCR
 * page by hand (src/fields/letter.ts). The engines' pages are built from tesseract's rows, boxes
 * and all (pageFromOcr). Paragraphs where the text has blank lines, each word of a line carrying
 * the confidence given for it (matched in order; a word spelled differently keeps its place and
 * its score).
 */
export function pageFromOcrText(input: OcrTextPageInput): LetterPage {
  const builder = new PageBuilder({ number: input.number, part: input.part, source: 'ocr', ocrConfidence: input.confidence, imageCount: input.imageCount });
  const words = input.words;
  let next = 0;
  const scored = (token: string): number | null => {
    // Look a few words ahead: the engine's text may drop or merge a word its TSV has.
    for (let k = next; k < Math.min(words.length, next + 4); k++) {
      if (words[k].text === token || words[k].text.length === token.length) {
        next = k + 1;
        return words[k].confidence;
      }
    }
    return null;
  };
  let paragraph: LineInput[] = [];
  const flush = () => {
    if (paragraph.length) builder.paragraph('body', paragraph);
    paragraph = [];
  };
  for (const raw of input.text.split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      flush();
      continue;
    }
    const tokens = line.split(' ').map((text) => ({ text, confidence: scored(text) }));
    const listed = splitListMarker(line);
    if (listed) {
      flush();
      const markerTokens = listed.marker.split(' ').length;
      builder.item('body', listed.marker, [{ words: tokens.slice(markerTokens) }]);
      continue;
    }
    paragraph.push({ words: tokens });
  }
  flush();
  return builder.build();
}
