/** tesseract's TSV levels: the page, a block, a paragraph, a text line, a word. */
export type OcrTsvLevel = 1 | 2 | 3 | 4 | 5;

/**
 * One row of tesseract's TSV output, as either engine gives it: the page (level 1), then each
 * block, paragraph, line and word in reading order, each with its box in pixels of the page the
 * engine read (the prepared page: upright, level, text at about 300 dpi).
 */
export interface OcrTsvRow {
  level: OcrTsvLevel;
  /** 1-based within the page; 0 on the page row. */
  block: number;
  /** 1-based within its block; 0 on rows above paragraphs. */
  paragraph: number;
  /** 1-based within its paragraph; 0 on rows above lines. */
  line: number;
  /** 1-based within its line; 0 on rows above words. */
  word: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** tesseract's own word confidence, 0..100; -1 on rows that are not words. */
  conf: number;
  /** The word as read; empty on rows that are not words. */
  text: string;
}

const COLUMNS = 12;

/**
 * Parses the TSV both engines print (`level page_num block_num par_num line_num word_num left top
 * width height conf text`). Native tesseract 5.3 starts with a header row and tesseract.js's build
 * does not; both are read the same, and anything that is not a row of numbers is skipped.
 */
export function parseTesseractTsv(tsv: string): OcrTsvRow[] {
  const rows: OcrTsvRow[] = [];
  for (const line of tsv.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < COLUMNS) continue;
    const level = Number(cells[0]);
    if (!(level >= 1 && level <= 5 && Number.isInteger(level))) continue;
    const numbers = cells.slice(2, 11).map(Number);
    if (!numbers.every(Number.isFinite)) continue;
    const [block, paragraph, lineNumber, word, left, top, width, height, conf] = numbers;
    rows.push({
      level: level as OcrTsvLevel,
      block,
      paragraph,
      line: lineNumber,
      word,
      left,
      top,
      width,
      height,
      conf,
      // A word never holds a tab; the join only keeps a malformed row's text whole. Trailing \r from CRLF output goes.
      text: level === 5 ? cells.slice(11).join('\t').replace(/\r$/, '') : '',
    });
  }
  return rows;
}

/** A word as tesseract read it: its text (trimmed, never empty), its box in pixels and its confidence 0..100. */
export interface OcrTsvWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
}

/** A text line: its box (tesseract's line row, else the union of its words) and its words left to right. */
export interface OcrTsvLine {
  left: number;
  top: number;
  width: number;
  height: number;
  words: OcrTsvWord[];
}

/** A paragraph of a block, as tesseract's layout analysis found it. */
export interface OcrTsvParagraph {
  block: number;
  paragraph: number;
  lines: OcrTsvLine[];
}

/**
 * The page's paragraphs, lines and words from its rows, in tesseract's reading order. Words with no
 * text (tesseract prints a row for a speck it read as a space) are left out, and lines and
 * paragraphs left with no word. The one reading of the rows that the page's text (textFromRows)
 * and its structure (pageFromOcr) are both made from.
 */
export function paragraphsFromRows(rows: readonly OcrTsvRow[]): OcrTsvParagraph[] {
  const lineRows = new Map<string, OcrTsvRow>();
  for (const row of rows) if (row.level === 4) lineRows.set(lineKeyOf(row), row);
  const paragraphs: OcrTsvParagraph[] = [];
  let paragraph: OcrTsvParagraph | null = null;
  let words: OcrTsvWord[] = [];
  let key = '';
  const closeLine = () => {
    if (paragraph && words.length) paragraph.lines.push({ ...(boxOfRow(lineRows.get(key)) ?? unionOf(words)), words });
    words = [];
  };
  for (const row of rows) {
    if (row.level !== 5) continue;
    const text = row.text.trim();
    if (!text) continue;
    if (lineKeyOf(row) !== key) closeLine();
    key = lineKeyOf(row);
    if (!paragraph || paragraph.block !== row.block || paragraph.paragraph !== row.paragraph) {
      paragraph = { block: row.block, paragraph: row.paragraph, lines: [] };
      paragraphs.push(paragraph);
    }
    words.push({ text, left: row.left, top: row.top, width: row.width, height: row.height, conf: row.conf });
  }
  closeLine();
  return paragraphs;
}

type PixelBox = Pick<OcrTsvRow, 'left' | 'top' | 'width' | 'height'>;

function lineKeyOf(row: OcrTsvRow): string {
  return `${row.block}/${row.paragraph}/${row.line}`;
}

function boxOfRow(row: OcrTsvRow | undefined): PixelBox | null {
  return row && row.width > 0 && row.height > 0 ? { left: row.left, top: row.top, width: row.width, height: row.height } : null;
}

/** The box holding all the words, for a line whose own row is missing. */
function unionOf(words: readonly OcrTsvWord[]): PixelBox {
  const left = Math.min(...words.map((w) => w.left));
  const top = Math.min(...words.map((w) => w.top));
  return { left, top, width: Math.max(...words.map((w) => w.left + w.width)) - left, height: Math.max(...words.map((w) => w.top + w.height)) - top };
}

/**
 * The page's text from its rows, laid out as tesseract's own text output is: words joined by
 * spaces, lines by a newline, paragraphs and blocks by a blank line. Both engines' text is made
 * here, so that it cannot differ from their words.
 */
export function textFromRows(rows: readonly OcrTsvRow[]): string {
  return paragraphsFromRows(rows)
    .map((p) => p.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'))
    .join('\n\n');
}

/** tesseract's word confidence (0..100) as 0..1, to three places: what every OCR word carries. */
export function wordConfidence(conf: number): number {
  return Math.round(Math.min(100, Math.max(0, conf)) * 10) / 1000;
}

/** The page's own size, from its level-1 row; 0 x 0 when the engine printed none. */
export function pageSizeFromRows(rows: readonly OcrTsvRow[]): { width: number; height: number } {
  const page = rows.find((row) => row.level === 1);
  return page ? { width: page.width, height: page.height } : { width: 0, height: 0 };
}

/**
 * The rows of a page read in two bands (see splitPage), as if it had been read whole: the lower
 * band's boxes move down by where it was cut, its blocks are numbered on from the upper band's,
 * and one page row spans both.
 */
export function joinBandRows(upper: readonly OcrTsvRow[], lower: readonly OcrTsvRow[], cutAt: number, width: number, height: number): OcrTsvRow[] {
  const blocksAbove = upper.reduce((most, row) => Math.max(most, row.block), 0);
  const page: OcrTsvRow = { level: 1, block: 0, paragraph: 0, line: 0, word: 0, left: 0, top: 0, width, height, conf: -1, text: '' };
  return [
    page,
    ...upper.filter((row) => row.level !== 1),
    ...lower.filter((row) => row.level !== 1).map((row) => ({ ...row, top: row.top + cutAt, block: row.block + blocksAbove })),
  ];
}
