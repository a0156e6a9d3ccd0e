import type { Box, DocumentPart, LetterPage } from '../../document/letterDocument.js';
import { repairOcrWords } from '../ocr/repairOcrLine.js';
import { paragraphsFromRows, wordConfidence, type OcrTsvLine, type OcrTsvRow, type OcrTsvWord } from '../ocr/tesseractTsv.js';
import { pageRegions } from '../pdf/pageRegions.js';
import type { LayoutBlock, PdfPageLayout } from '../pdf/pdfPageLayout.js';
import type { PlacedWord, Segment } from '../pdf/visualLines.js';
import { splitListMarker } from './listMarker.js';
import { PageBuilder, type LineInput, type WordInput } from './pageBuilder.js';

export interface OcrPageInput {
  number: number;
  part?: DocumentPart;
  /** tesseract's TSV rows for the page, as either engine gives them (OcrPageResult.tsv). */
  rows: readonly OcrTsvRow[];
  /** Size in pixels of the page the engine read: the rows' boxes are measured on it. */
  width: number;
  height: number;
  /** The page's mean word confidence, 0..1. */
  confidence: number;
  /** The page's size as its source gives it (a scanned PDF page, in points); by default the pixels read. */
  size?: { width: number; height: number } | null;
  imageCount?: number;
  /** The page opens its document (an image's first page, a PDF's first): a letterhead is looked for at its top. */
  opensDocument: boolean;
}

// The engines are told the page is at 300 dpi (engineParameters): a pixel is 72/300 of a point.
const POINTS_PER_PIXEL = 72 / 300;

/**
 * An OCR page of the structured document from tesseract's rows, the same for either engine: one
 * paragraph per paragraph tesseract found (a line opening with a list marker is an item of its
 * own), every line and word with its box (fractions of the page, four places, as the PDF reader
 * gives them) and every word with its confidence. Each line's type size comes from the height of
 * its words; with it the page's regions are decided by the very rule the PDF reader uses
 * (pageRegions): large type at the top of a first page is its letterhead (header), small type
 * under the body its footer. Words are repaired as the engine's text is (repairOcrWords).
 */
export function pageFromOcr(input: OcrPageInput): LetterPage {
  const upright = uprightRows(input.rows, input.width, input.height);
  input = { ...input, ...upright };
  const blocks = ocrBlocks(input.rows);
  // A line with no measurable word (marks only) counts as the page's usual size: neither larger nor smaller.
  const usual = median(blocks.flatMap((b) => b.lines.map((l) => l.size)).filter((n): n is number => n !== null)) ?? 0;
  const layout: PdfPageLayout = { width: input.width * POINTS_PER_PIXEL, height: input.height * POINTS_PER_PIXEL, blocks: blocks.map((b) => layoutOf(b, usual)) };
  const regions = input.width > 0 && input.height > 0 ? pageRegions([layout], new Set(input.opensDocument ? [0] : []))[0] : blocks.map(() => 'body' as const);
  const builder = new PageBuilder({
    number: input.number,
    part: input.part,
    source: 'ocr',
    size: input.size ?? { width: input.width, height: input.height },
    ocrConfidence: input.confidence,
    imageCount: input.imageCount,
  });
  const boxOf = (b: { left: number; top: number; width: number; height: number }): Box | null => pageBox(b, input.width, input.height);
  const lineInput = (line: OcrLine): LineInput => ({
    box: boxOf(line.box),
    fontSize: line.size,
    words: line.words.map((w): WordInput => ({ text: w.text, box: boxOf(w), confidence: wordConfidence(w.conf) })),
  });
  blocks.forEach((block, i) => {
    if (block.marker !== null) builder.item(regions[i], block.marker, block.lines.map(lineInput));
    else builder.paragraph(regions[i], block.lines.map(lineInput));
  });
  return builder.build();
}

/**
 * The rows with their boxes turned so that the text runs left to right, when the engine read the
 * page's lines running down or up it: tesseract reads a block of vertical lines by turning it
 * itself, and gives its boxes in the picture's frame. (A photo whose page edges outweigh its text
 * can reach the engine turned a quarter; its words are read all the same.) A page is sideways when
 * most of its lines of two words or more are taller than wide; which way, from the order of their
 * words. The page's width and height are swapped with the boxes.
 */
export function uprightRows(rows: readonly OcrTsvRow[], width: number, height: number): { rows: readonly OcrTsvRow[]; width: number; height: number } {
  let sideways = 0;
  let level = 0;
  let downward = 0;
  for (const paragraph of paragraphsFromRows(rows)) {
    for (const line of paragraph.lines) {
      if (line.words.length < 2) continue;
      if (line.height > line.width) {
        sideways += 1;
        downward += line.words[line.words.length - 1].top > line.words[0].top ? 1 : -1;
      } else level += 1;
    }
  }
  if (sideways <= level) return { rows, width, height };
  // Text running down the picture turns a quarter anticlockwise to read across; running up, clockwise.
  const turn =
    downward >= 0
      ? (r: OcrTsvRow): OcrTsvRow => ({ ...r, left: r.top, top: width - r.left - r.width, width: r.height, height: r.width })
      : (r: OcrTsvRow): OcrTsvRow => ({ ...r, left: height - r.top - r.height, top: r.left, width: r.height, height: r.width });
  return { rows: rows.map(turn), width: height, height: width };
}

interface OcrLine {
  box: OcrTsvLine;
  words: OcrTsvWord[];
  /** Type size in points at 300 dpi; null when no word tells. */
  size: number | null;
}

interface OcrBlock {
  /** A list item's marker; null for a paragraph. */
  marker: string | null;
  lines: OcrLine[];
}

/** tesseract's paragraphs as blocks: a line opening with a list marker ("•", "1.", "(a)") is an item of its own, as in the engine's text. */
function ocrBlocks(rows: readonly OcrTsvRow[]): OcrBlock[] {
  const blocks: OcrBlock[] = [];
  for (const paragraph of paragraphsFromRows(rows)) {
    let lines: OcrLine[] = [];
    const flush = () => {
      if (lines.length) blocks.push({ marker: null, lines });
      lines = [];
    };
    for (const tsvLine of paragraph.lines) {
      const texts = repairOcrWords(tsvLine.words.map((w) => w.text));
      const words = tsvLine.words.map((w, k) => ({ ...w, text: texts[k] }));
      const line: OcrLine = { box: tsvLine, words, size: typeSize(words) };
      const listed = splitListMarker(texts.join(' '));
      const item = listed ? withoutMarker(line, listed.marker) : null;
      if (!listed || !item) {
        lines.push(line);
        continue;
      }
      flush();
      blocks.push({ marker: listed.marker, lines: [item] });
    }
    flush();
  }
  return blocks;
}

/** The line without its list marker: the marker's word goes, or, written against the text ("•Build"), leaves its word. Null if nothing is left. */
function withoutMarker(line: OcrLine, marker: string): OcrLine | null {
  const [first, ...rest] = line.words;
  if (!first.text.startsWith(marker)) return null;
  const remainder = first.text.slice(marker.length);
  const words = remainder ? [{ ...first, text: remainder }, ...rest] : rest;
  return words.length ? { ...line, words } : null;
}

/** The block in the PDF reader's terms, in points: what pageRegions measures. */
function layoutOf(block: OcrBlock, usualSize: number): LayoutBlock {
  const lines = block.lines.map((l) => segmentOf(l, usualSize));
  return block.marker === null ? { kind: 'paragraph', lines } : { kind: 'item', marker: block.marker, level: 0, lines };
}

function segmentOf(line: OcrLine, usualSize: number): Segment {
  const p = (v: number) => v * POINTS_PER_PIXEL;
  const words: PlacedWord[] = line.words.map((w) => ({ text: w.text, x0: p(w.left), x1: p(w.left + w.width), top: p(w.top), bottom: p(w.top + w.height) }));
  const bottom = p(line.box.top + line.box.height);
  return { words, x0: p(line.box.left), x1: p(line.box.left + line.box.width), top: p(line.box.top), bottom, baseline: bottom, size: line.size ?? usualSize, font: '', doubled: false, pieces: 1 };
}

// How much of the type size a word's ink spans, by the letters it has (Liberation and Times-like
// faces): x-height letters alone about half of it, with an ascender or a capital about 0.72, each
// descender (g, p, y) adds about 0.21, a comma or semicolon below the line about 0.15.
const X_HEIGHT = 0.52;
const ASCENDER = 0.72;
const DESCENDER = 0.21;
const COMMA = 0.15;
const TALL = /[\p{Lu}\p{N}bdfhiklt!?&@#$%/\\'"]/u;
const LOW = /[gjpqyQ()[\]{}|]/;
const LETTERS = /[\p{L}\p{N}]/u;

/**
 * A line's type size in points (at 300 dpi), from its words' heights: each word's height divided
 * by the share of the type size its letters span, the median over the line. Null when no word
 * has a letter or digit. On a page the engine was told is 300 dpi, so the sizes of one page
 * compare with each other (the letterhead's with the body's); they are the sizes printed only
 * where the picture really is 300 dpi.
 */
export function typeSize(words: readonly Pick<OcrTsvWord, 'text' | 'height'>[]): number | null {
  const sizes: number[] = [];
  for (const word of words) {
    if (!LETTERS.test(word.text) || word.height <= 0) continue;
    const top = TALL.test(word.text) ? ASCENDER : X_HEIGHT;
    const below = LOW.test(word.text) ? DESCENDER : /[,;]$/.test(word.text) ? COMMA : 0;
    sizes.push(word.height / (top + below));
  }
  const middle = median(sizes);
  return middle === null ? null : Math.round(middle * POINTS_PER_PIXEL * 10) / 10;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A box in pixels as fractions of the page, four places, clamped to the page (as the PDF reader's boxes). */
function pageBox(b: { left: number; top: number; width: number; height: number }, width: number, height: number): Box | null {
  if (width <= 0 || height <= 0) return null;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const fraction = (v: number) => Math.round(v * 10_000) / 10_000;
  const x = clamp(b.left / width);
  const y = clamp(b.top / height);
  return { x: fraction(x), y: fraction(y), width: fraction(clamp((b.left + b.width) / width) - x), height: fraction(clamp((b.top + b.height) / height) - y) };
}
