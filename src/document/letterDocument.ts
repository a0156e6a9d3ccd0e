/**
 * The letter as a structured document: what every reader builds and every later stage reads.
 *
 * Modelled on docling's DoclingDocument: each piece of text keeps where it came from (page, box,
 * character span), which part of the page it belongs to (header, body, footer, email envelope), and
 * its structure (line, list item, table cell). Readers fill it from what they already parse (pdf.js
 * text items, WordprocessingML, an HTML email body, tesseract's TSV); detectors read it through one
 * layout view (src/fields/layout) and never guess the layout back from flat text.
 *
 * Types only: no stage owns this file, every stage imports it.
 */

/** A run of a page's text: `LetterPage.text.slice(start, end)` on page `page`. */
export interface Span {
  page: number;
  start: number;
  end: number;
}

/** A rectangle on the page in fractions of the page's width and height, origin top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a block sits in the letter.
 * - header / footer: the page's furniture (a Word header part, a PDF's top or bottom band, the
 *   letterhead and the address line under the page); the letterhead is looked for here first;
 * - envelope: an email's From/To/Date/Subject, which the reader knows as fields, not text;
 * - body: everything else.
 * Readers never assign `closing`: the layout view marks the body's lines from the complimentary
 * close on (the signature block and what follows it), because that needs the letter's words.
 */
export type Region = 'header' | 'body' | 'closing' | 'footer' | 'envelope';

/** A word with its place, where the source has one (PDF text items, OCR words). */
export interface Word {
  span: Span;
  box: Box | null;
  /** OCR's confidence in the word, 0..1; null for a text layer. */
  confidence: number | null;
}

/** One line of text as the source lays it out (a PDF text line, an OCR line, a Word paragraph). */
export interface Line {
  span: Span;
  box: Box | null;
  /** Font size in points; for OCR, the text height converted at the page's resolution. Null where unknown. */
  fontSize: number | null;
  bold: boolean | null;
  /** Mean OCR word confidence 0..1; null for a text layer. */
  confidence: number | null;
  /** The line's words with their boxes, where the source has them. */
  words: Word[] | null;
}

interface BlockBase {
  region: Region;
  /** The whole block, from its first character to its last. */
  span: Span;
  box: Box | null;
}

/** Lines that belong together: a paragraph, a heading, an address block. */
export interface Paragraph extends BlockBase {
  kind: 'paragraph';
  lines: Line[];
}

/** An item of a bulleted or numbered list; `lines` exclude the marker. */
export interface ListItem extends BlockBase {
  kind: 'item';
  marker: string;
  /** 0 for a top-level item. */
  level: number;
  lines: Line[];
}

export interface TableCell {
  span: Span;
  box: Box | null;
  /** 0-based column where the cell starts; a merged cell spans `colSpan` columns and `rowSpan` rows. */
  column: number;
  colSpan: number;
  rowSpan: number;
  lines: Line[];
}

export interface TableRow {
  cells: TableCell[];
}

/**
 * A table: rows of cells, merged cells kept. `headerRows` rows at the top name the columns (from
 * <th>, a Word header row, or a bold first row); `how` says what the reader saw: the source's own
 * table (docx, html), cells found from the geometry of text on the page (geometry), or columns
 * set apart by tabs or runs of spaces in plain text (text).
 */
export interface Table extends BlockBase {
  kind: 'table';
  rows: TableRow[];
  headerRows: number;
  how: 'docx' | 'html' | 'geometry' | 'text';
}

/** A picture drawn on the page: a logo in the header, a scanned signature. It holds no text. */
export interface Picture extends BlockBase {
  kind: 'picture';
  /** What the source calls it (an image's file name or alt text), when it says. */
  name: string | null;
}

export type Block = Paragraph | ListItem | Table | Picture;

/** Which file of the upload a page comes from: the letter itself, or a file attached to an email. */
export interface DocumentPart {
  kind: 'body' | 'attachment';
  fileName: string | null;
}

export interface LetterPage {
  /** 1-based across the whole upload: for an email, 1 is the message, attachment pages follow. */
  number: number;
  part: DocumentPart;
  source: 'text' | 'ocr';
  /** The page's text in reading order; every span points into it. */
  text: string;
  /** The page's blocks in reading order. */
  blocks: Block[];
  /** The page's size in points (PDF) or pixels (an image); null where the source has no pages (Word, email). */
  size: { width: number; height: number } | null;
  /** Mean word confidence 0..1 for an OCR page; null for a text layer. */
  ocrConfidence: number | null;
  /** Raster images drawn on the page (a scanned or drawn signature is one; a logo in a Word header is not). */
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

export interface LetterDocument {
  mediaType: string;
  pages: LetterPage[];
  email: EmailEnvelope | null;
  notices: ExtractionNotice[];
}
