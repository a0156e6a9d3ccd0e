import type { DocumentPart, LetterPage } from '../../document/letterDocument.js';
import type { OcrWord } from '../extractedDocument.js';
import { splitListMarker } from './listMarker.js';
import { PageBuilder, type LineInput } from './pageBuilder.js';

export interface OcrPageInput {
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
 * An OCR page from the engine's text and words: paragraphs where the engine left blank lines, each
 * word of a line carrying the confidence the engine gave it (matched in order; a word the text
 * spells differently, as the capital-I repairs do, keeps its place and its score).
 */
export function pageFromOcr(input: OcrPageInput): LetterPage {
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
