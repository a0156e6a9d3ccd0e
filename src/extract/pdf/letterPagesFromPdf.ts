import type { Box, DocumentPart, LetterPage, Region } from '../../document/letterDocument.js';
import { PageBuilder, type CellInput, type LineInput, type WordInput } from '../layout/pageBuilder.js';
import { pageRegions } from './pageRegions.js';
import type { PdfPageLayout, Rect } from './pdfPageLayout.js';
import { maxOf, minOf, type PlacedWord, type Segment } from './visualLines.js';

export interface PdfPagesOptions {
  /** The number of the first page (an email's attachment follows the message's pages). */
  firstNumber: number;
  part: DocumentPart;
  /** Pictures drawn on each page, as readPdf counted them. */
  imageCounts: readonly number[];
  /** Bold or not by pdf.js font name, where the file tells (readPdf); null where it does not. */
  boldFonts?: Readonly<Record<string, boolean>> | null;
}

/**
 * A PDF's laid-out pages as pages of the structured document: regions decided across the pages
 * (pageRegions), then every block written through the PageBuilder in reading order, with each
 * line's words, boxes (fractions of the page), font size and, where the PDF shows it, bold.
 */
export function letterPagesFromPdf(layouts: readonly PdfPageLayout[], options: PdfPagesOptions): LetterPage[] {
  // Text drawn twice over itself is bold whatever its font says.
  const bold = (line: Segment): boolean | null => (line.doubled ? true : (options.boldFonts?.[line.font] ?? null));
  const regions = pageRegions(layouts, new Set([0]), bold);
  return layouts.map((layout, index) => {
    const builder = new PageBuilder({
      number: options.firstNumber + index,
      part: options.part,
      size: { width: round(layout.width), height: round(layout.height) },
      imageCount: options.imageCounts[index] ?? 0,
    });
    writeLayoutBlocks(builder, layout, regions[index], (l) => lineInput(l, layout, bold), bold);
    return builder.build();
  });
}

/**
 * Writes a laid-out page's blocks through the PageBuilder in reading order, each with its region;
 * `line` turns a segment into the builder's line (the PDF reader's and OCR's differ in what their
 * words carry). A table's first row in larger or bold type, over rows that are neither, names its columns.
 */
export function writeLayoutBlocks(
  builder: PageBuilder,
  layout: PdfPageLayout,
  regions: readonly Region[],
  line: (segment: Segment) => LineInput,
  bold: (segment: Segment) => boolean | null = () => null,
): void {
  layout.blocks.forEach((block, i) => {
    const region = regions[i];
    switch (block.kind) {
      case 'paragraph':
        return builder.paragraph(region, block.lines.map(line));
      case 'item':
        return builder.item(region, block.marker, [line(withoutMarker(block.lines[0], block.marker)), ...block.lines.slice(1).map(line)], block.level);
      case 'table': {
        const rows: CellInput[][] = block.rows.map((row) => row.map((cell) => ({ lines: cell.map(line) })));
        const first = block.rows[0].flat();
        const rest = block.rows.slice(1).flatMap((r) => r.flat());
        const larger = first.length > 0 && rest.length > 0 && minOf(first, (s) => s.size) > 1.1 * maxOf(rest, (s) => s.size);
        const bolder = first.length > 0 && rest.length > 0 && first.every((s) => bold(s) === true) && rest.every((s) => bold(s) === false);
        return builder.table(region, rows, { how: 'geometry', headerRows: larger || bolder ? 1 : 0 });
      }
      case 'picture':
        return builder.picture(region, boxOf(block.rect, layout));
    }
  });
}

/**
 * A line for the PageBuilder. Its words carry boxes where the PDF drew the line in pieces (a word
 * or a bold amount set apart, a justified line drawn word by word, letters of a small-caps name):
 * there a quote of part of the line has a place of its own. A line drawn as one item keeps its
 * line box only: pdf.js gives no place inside an item (a word's box would be a guess from its
 * share of the characters), and a word is three objects more to copy at each worker hop
 * (3 ms of CPU a check on a one-page letter, more than the rest of the structure).
 */
function lineInput(line: Segment, layout: PdfPageLayout, bold: (line: Segment) => boolean | null): LineInput {
  const text = { fontSize: round(line.size), bold: bold(line) };
  if (line.pieces > 1) return { ...text, words: line.words.map((w): WordInput => ({ text: w.text, box: boxOf(w, layout) })) };
  return { ...text, text: line.words.map((w) => w.text).join(' '), box: boxOf(line, layout) };
}

/** The first line of a list item without its marker ("•", "1.", "(a)"), which may share a word with the text. */
function withoutMarker(line: Segment, marker: string): Segment {
  const words: PlacedWord[] = [];
  let left = marker.length;
  for (const word of line.words) {
    if (left <= 0) {
      words.push(word);
      continue;
    }
    if (word.text.length <= left) {
      left -= word.text.length;
      continue;
    }
    const share = (word.x1 - word.x0) / word.text.length;
    words.push({ ...word, text: word.text.slice(left), x0: word.x0 + share * left });
    left = 0;
  }
  return { ...line, words, x0: words[0]?.x0 ?? line.x0 };
}

export function boxOf(r: Rect | PlacedWord, layout: PdfPageLayout): Box {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x = clamp(r.x0 / layout.width);
  const y = clamp(r.top / layout.height);
  return { x: fraction(x), y: fraction(y), width: fraction(clamp(r.x1 / layout.width) - x), height: fraction(clamp(r.bottom / layout.height) - y) };
}

const fraction = (v: number) => Math.round(v * 10000) / 10000;
const round = (v: number) => Math.round(v * 100) / 100;
